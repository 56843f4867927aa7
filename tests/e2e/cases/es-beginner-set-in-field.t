# The same in Spanish: on_enter = s.dias = 1, without function(s).
args: check tests/data/beginner-set-in-field --lang es
exit: 1
stdout-contains: story.lua:20: error: un campo guarda un solo valor, y esta línea da dos
stdout-contains: 1 error,

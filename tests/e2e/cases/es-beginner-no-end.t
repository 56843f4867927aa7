# The same in Spanish: A function without its end.
args: check tests/data/beginner-no-end --lang es
exit: 1
stdout-contains: story.lua:20: error: a la función (o al 'if') que empieza en esta línea le falta su 'end'
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

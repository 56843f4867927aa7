# The same in Spanish: == where = gives a value.
args: check tests/data/beginner-eqeq-set --lang es
exit: 1
stdout-contains: story.lua:11: error: '==' compara dos valores (en un 'when' o un 'if'); para dar un valor, escribe un solo '='
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

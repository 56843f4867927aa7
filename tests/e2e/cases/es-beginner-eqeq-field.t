# The same in Spanish.
args: check tests/data/beginner-eqeq-field --lang es
exit: 1
stdout-contains: story.lua:19: error: '==' compara dos valores (en un 'when' o un 'if'); para dar un valor a un campo, escribe un solo '='

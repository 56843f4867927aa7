# The same in Spanish: An if without then.
args: check tests/data/beginner-no-then --lang es
exit: 1
stdout-contains: story.lua:20: error: después de la condición de un 'if' va 'then'
stdout-contains: 1 error,

# The same in Spanish: = where == compares, in an if.
args: check tests/data/beginner-eq-if --lang es
exit: 1
stdout-contains: story.lua:20: error: un solo '=' da un valor; para comparar dos valores escribe '==' (dos signos)
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

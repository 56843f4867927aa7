# The same in Spanish: A } too many.
args: check tests/data/beginner-extra-brace --lang es
exit: 1
stdout-contains: story.lua:17: error: esta '}' no cierra nada
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

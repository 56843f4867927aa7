# The same in Spanish: Enter inside a text.
args: check tests/data/beginner-enter-in-text --lang es
exit: 1
stdout-contains: story.lua:27: error: este texto sigue en la línea siguiente
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

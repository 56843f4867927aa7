# The same in Spanish: A missing comma between two choices.
args: check tests/data/beginner-comma --lang es
exit: 1
stdout-contains: story.lua:13: error: falta una coma ',' al final de esta línea, antes de { en la línea 14
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

# The same in Spanish: A missing comma after a field, before the next field.
args: check tests/data/beginner-comma-field --lang es
exit: 1
stdout-contains: story.lua:10: error: falta una coma ',' al final de esta línea, antes de on_enter en la línea 11
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

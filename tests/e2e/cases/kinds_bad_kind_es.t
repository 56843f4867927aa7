# The same in Spanish.
args: check tests/data/bad-kind --lang es
exit: 1
output-contains: story.lua:16: error: testimonio "t1": kind = "recreada" no es un tipo que Orilla conozca

# The same in Spanish: opciones for choices.
args: check tests/data/beginner-opciones --lang es
exit: 1
stdout-contains: story.lua:28: error: escena "puente": en una historia, los nombres de los campos se escriben en inglés: escribe choices en lugar de opciones
stdout-contains: 1 error,

# The same in Spanish: fuente for source.
args: check tests/data/beginner-fuente --lang es
exit: 1
stdout-contains: story.lua:20: error: escena "espera": en una historia, los nombres de los campos se escriben en inglés: escribe source en lugar de fuente
stdout-contains: 1 error,

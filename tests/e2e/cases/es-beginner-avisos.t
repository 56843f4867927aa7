# The same in Spanish: avisos for warnings.
args: check tests/data/beginner-avisos --lang es
exit: 1
stdout-contains: story.lua:20: error: escena "espera": en una historia, los nombres de los campos se escriben en inglés: escribe warnings en lugar de avisos
stdout-contains: 1 error,

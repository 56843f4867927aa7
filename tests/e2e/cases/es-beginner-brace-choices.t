# The same in Spanish: The } that closes choices missing.
args: check tests/data/beginner-brace-choices --lang es
exit: 1
stdout-contains: story.lua:14: error: falta la '}' que cierra 'choices = {' (línea 12)
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

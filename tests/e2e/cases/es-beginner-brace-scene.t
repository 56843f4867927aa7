# The same in Spanish: A scene's closing } missing in the middle of the file.
args: check tests/data/beginner-brace-scene --lang es
exit: 1
stdout-contains: story.lua:15: error: falta la '}' que cierra escena "casa" (línea 9): va después de esta línea
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

# The same in Spanish: The last } of the file missing.
args: check tests/data/beginner-brace-eof --lang es
exit: 1
stdout-contains: story.lua:35: error: falta la '}' que cierra escena "albergue" (línea 33): va después de esta línea, al final del archivo
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

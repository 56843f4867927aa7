# The same in Spanish: A one-line choice without its closing }.
args: check tests/data/beginner-choice-brace --lang es
exit: 1
stdout-contains: story.lua:22: error: falta la '}' que cierra la opción (o el elemento de lista) que empieza aquí (línea 22)
stdout-contains: 1 error,

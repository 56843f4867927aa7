# The same in Spanish: escena for scene.
args: check tests/data/beginner-escena --lang es
exit: 1
stdout-contains: story.lua:26: error: 'escena' no es una palabra del lenguaje de las historias de Orilla, que usa palabras en inglés: escribe scene
stdout-contains: 1 error,

# The same in Spanish: historia for story.
args: check tests/data/beginner-historia --lang es
exit: 1
stdout-contains: story.lua:2: error: 'historia' no es una palabra del lenguaje de las historias de Orilla, que usa palabras en inglés: escribe story
stdout-contains: 1 error,

# opciones for choices: named at line 28, in the author's words.
args: check tests/data/beginner-opciones
exit: 1
stdout-contains: story.lua:28: error: scene "puente": field names are written in English in a story: write choices instead of opciones
stdout-contains: 1 error,
stdout-not-contains: has no choices
stdout-not-contains: cannot be reached

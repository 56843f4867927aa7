# fuente for source: named at line 20, in the author's words.
args: check tests/data/beginner-fuente
exit: 1
stdout-contains: story.lua:20: error: scene "espera": field names are written in English in a story: write source instead of fuente
stdout-contains: 1 error,
stdout-not-contains: must say where it comes from

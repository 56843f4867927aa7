# escena for scene: named at line 26, in the author's words.
args: check tests/data/beginner-escena
exit: 1
stdout-contains: story.lua:26: error: 'escena' is not a word of Orilla's story language, which uses English words: write scene
stdout-contains: 1 error,

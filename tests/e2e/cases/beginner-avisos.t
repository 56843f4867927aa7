# avisos for warnings: named at line 20, in the author's words.
args: check tests/data/beginner-avisos
exit: 1
stdout-contains: story.lua:20: error: scene "espera": field names are written in English in a story: write warnings instead of avisos
stdout-contains: 1 error,

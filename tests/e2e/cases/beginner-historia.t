# historia for story: named at line 2, in the author's words.
args: check tests/data/beginner-historia
exit: 1
stdout-contains: story.lua:2: error: 'historia' is not a word of Orilla's story language, which uses English words: write story
stdout-contains: 1 error,

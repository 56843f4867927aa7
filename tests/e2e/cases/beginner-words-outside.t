# Words outside quotes: named at line 36, in the author's words.
args: check tests/data/beginner-words-outside
exit: 1
stdout-contains: story.lua:36: error: these words are not between quotes
stdout-contains: 1 error,

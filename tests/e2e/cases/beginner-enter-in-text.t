# Enter inside a text: named at line 27, in the author's words.
args: check tests/data/beginner-enter-in-text
exit: 1
stdout-contains: story.lua:27: error: this text goes on to the next line
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

# A curly quote that closes nothing: named at line 19, in the author's words.
args: check tests/data/beginner-curly-mixed
exit: 1
stdout-contains: story.lua:19: error: this line has curly quotes
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

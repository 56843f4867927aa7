# A } too many: named at line 17, in the author's words.
args: check tests/data/beginner-extra-brace
exit: 1
stdout-contains: story.lua:17: error: this '}' closes nothing
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

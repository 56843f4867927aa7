# An accent in a state name: named at line 11, in the author's words.
args: check tests/data/beginner-accent
exit: 1
stdout-contains: story.lua:11: error: the name s.bendición has a letter with an accent (or ñ)
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

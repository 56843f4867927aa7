# An if without then: named at line 20, in the author's words.
args: check tests/data/beginner-no-then
exit: 1
stdout-contains: story.lua:20: error: after the condition of an 'if' comes 'then'
stdout-contains: 1 error,

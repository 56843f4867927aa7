# text: instead of text =: named at line 19, in the author's words.
args: check tests/data/beginner-colon
exit: 1
stdout-contains: story.lua:19: error: a field is written with '=', not ':'
stdout-contains: 1 error,

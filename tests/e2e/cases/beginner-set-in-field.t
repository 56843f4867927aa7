# on_enter = s.dias = 1, without function(s): named at line 20, in the author's words.
args: check tests/data/beginner-set-in-field
exit: 1
stdout-contains: story.lua:20: error: a field holds one value, and this line gives two
stdout-contains: 1 error,

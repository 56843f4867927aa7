# A function without its end: named at line 20, in the author's words.
args: check tests/data/beginner-no-end
exit: 1
stdout-contains: story.lua:20: error: the function (or 'if') that starts on this line has no 'end'
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

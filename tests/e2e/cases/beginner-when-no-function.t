# when = s.dias > 0, without function(s): named at line 29, in the author's words.
args: check tests/data/beginner-when-no-function
exit: 1
stdout-contains: story.lua:29: error: s (what the story remembers) only exists inside a function
stdout-contains: 1 error,

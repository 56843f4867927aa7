# ending = ture: named at line 35, in the author's words.
args: check tests/data/beginner-ending-ture
exit: 1
stdout-contains: story.lua:35: error: ending = ture: Lua does not know the word 'ture'; write ending = true
stdout-contains: 1 error,
stdout-not-contains: has no choices and is not an ending

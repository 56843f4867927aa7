# The same in Spanish: ending = ture.
args: check tests/data/beginner-ending-ture --lang es
exit: 1
stdout-contains: story.lua:35: error: ending = ture: Lua no conoce la palabra 'ture'; escribe ending = true
stdout-contains: 1 error,

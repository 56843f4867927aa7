# 300 brackets inside each other: a message that says what it means, at its line (Lua's
# parser gave "C stack overflow" and no line)
args: check tests/data/bad-deep-nesting
exit: 1
output-contains: story.lua:203: error:
output-contains: nested too deeply
output-not-contains: C stack overflow

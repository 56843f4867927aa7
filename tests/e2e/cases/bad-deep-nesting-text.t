# the same story cannot be played: the same message, in Spanish words around it
args: text tests/data/bad-deep-nesting --lang es
exit: 1
output-contains: story.lua:203:
output-contains: nested too deeply

# A scene with no choices that does not say ending = true.
args: check tests/data/bad-dead-end
exit: 1
output-contains: story.lua:16:
output-contains: error:
output-contains: stuck
output-contains: ending

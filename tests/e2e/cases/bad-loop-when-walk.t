# An endless loop in a choice's `when`.
args: walk tests/data/bad-loop-when
exit: 1
output-contains: story.lua:14:
output-contains: error:
output-contains: when

# An endless loop in on_enter: walk runs it, stops it, and names the line.
args: walk tests/data/bad-loop-on-enter
exit: 1
output-contains: story.lua:18:
output-contains: error:
output-contains: on_enter

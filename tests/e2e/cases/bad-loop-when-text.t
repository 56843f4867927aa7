args: text tests/data/bad-loop-when --choices 1
exit: 1
output-contains: story.lua:14:
output-contains: error:

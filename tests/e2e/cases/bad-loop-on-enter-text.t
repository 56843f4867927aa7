args: text tests/data/bad-loop-on-enter --choices 1,1
exit: 1
output-contains: story.lua:18:
output-contains: error:

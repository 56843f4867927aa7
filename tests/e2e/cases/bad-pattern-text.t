args: text tests/data/bad-pattern --choices 1,1
exit: 1
output-contains: story.lua:18:
output-contains: pattern

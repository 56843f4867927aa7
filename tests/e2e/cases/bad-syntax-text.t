args: text tests/data/bad-syntax
exit: 1
output-contains: story.lua:11:

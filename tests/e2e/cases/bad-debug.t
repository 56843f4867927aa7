args: check tests/data/bad-debug
exit: 1
output-contains: story.lua:8:
output-contains: error:
output-contains: debug

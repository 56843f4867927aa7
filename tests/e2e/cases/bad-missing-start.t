args: check tests/data/bad-missing-start
exit: 1
output-contains: story.lua:1:
output-contains: error:
output-contains: start

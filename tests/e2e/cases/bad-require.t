args: check tests/data/bad-require
exit: 1
output-contains: story.lua:8:
output-contains: error:
output-contains: require

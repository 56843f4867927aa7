args: walk tests/data/bad-os-execute
exit: 1
output-contains: story.lua:9:

args: walk tests/data/bad-dead-end
exit: 1
output-contains: story.lua:16:
output-contains: stuck

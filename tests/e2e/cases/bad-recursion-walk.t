# Unbounded recursion in on_enter.
args: walk tests/data/bad-recursion
exit: 1
output-contains: story.lua:18:
output-contains: error:

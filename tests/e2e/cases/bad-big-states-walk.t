# states of nearly 1 MB, all different: the walk stops at its cap on the states it keeps,
# with an error at the scene, instead of 2 GB and "out of memory"
args: walk tests/data/bad-big-states
exit: 1
timeout: 30
output-contains: story.lua:6: error: the walk stopped after
output-contains: 192 MB
output-not-contains: out of memory

# An empty story.lua: says there is no story { } and no scenes.
args: check tests/data/bad-empty
exit: 1
output-contains: story.lua
output-contains: error:
output-contains: story {
output-contains: scene

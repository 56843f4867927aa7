# A folder without story.lua cannot be read as a story: exit 2.
args: check tests/data/bad-no-story-lua
exit: 2
output-contains: story.lua

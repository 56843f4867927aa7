args: text tests/data/bad-no-story-lua
exit: 2
output-contains: story.lua

# check mi-historia/story.lua is the story in that folder (it said "not a .orilla bundle").
args: check tests/data/good-small/story.lua
exit: 0
stdout-contains: no problems found

# text: a loop inside table.concat in on_enter ends with the story's line, not a hang
args: text tests/data/bad-c-loop --choices 1
exit: 1
output-contains: story.lua:19:
output-contains: ran too many steps

# text = 42 and choices = "x": both reported, each at its line.
args: check tests/data/bad-types
exit: 1
output-contains: story.lua:9:
output-contains: story.lua:17:
output-contains: error:
output-contains: text
output-contains: choices

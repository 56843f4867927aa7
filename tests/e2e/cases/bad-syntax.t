# A missing comma: the message points at the real line.
args: check tests/data/bad-syntax
exit: 1
output-contains: story.lua:11:
output-contains: error:

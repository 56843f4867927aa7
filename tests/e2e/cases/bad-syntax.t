# A missing comma: the message points at the real line.
args: check tests/data/bad-syntax
exit: 1
output-contains: story.lua:11:
output-contains: error:
# { text = "Go on" go = "end" } is a missing comma, not a quote inside a text
output-contains: a ',' is missing before go
output-not-contains: quote mark
output-contains: (Lua: '}' expected near 'go')
output-contains: the rest of story.lua was not read

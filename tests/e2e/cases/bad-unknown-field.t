# backgrund = ...: unknown field, with a did-you-mean.
args: check tests/data/bad-unknown-field
exit: 1
output-contains: story.lua:9:
output-contains: error:
output-contains: backgrund
output-contains: background

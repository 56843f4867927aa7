# The same, with its errors in Spanish at their lines.
args: check tests/data/bad-syntax/story.lua --lang es
exit: 1
stdout-contains: story.lua:11: error: falta una coma ',' antes de go

# the same in Spanish
args: check tests/data/bad-escapes-utf8 --lang es
exit: 1
output-contains: story.lua:6: error: escena "a": 'text' tiene bytes que no son texto UTF-8

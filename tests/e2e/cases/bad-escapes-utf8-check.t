# bytes that are not UTF-8, made by escapes such as "\xff\xfe", are an error at their line
# (check passed them; the player showed boxes)
args: check tests/data/bad-escapes-utf8
exit: 1
output-contains: story.lua:6: error: scene "a": 'text' has bytes that are not UTF-8 text
output-contains: 2 errors

# Pictures much larger than the screen (size read from the PNG/JPEG header only), one too
# large to open, a "PNG" that is not one, and a text too long for the screen.
args: check tests/data/images-big
exit: 1
output-contains: story.lua:5: warning: scene "a": the text is 699 characters long
output-contains: story.lua:5: error:
output-contains: 20000x100
output-contains: story.lua:11: warning:
output-contains: 6000x4000
output-contains: story.lua:13: warning:
output-contains: not one

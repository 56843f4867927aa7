# a file that starts like a PNG or a JPEG and is not one is an error at its scene, whatever
# its name ends with (it was a warning, or nothing)
args: check tests/data/bad-image-signature
exit: 1
output-contains: story.lua:6: error: scene "plaza": the picture "images/plaza.png" is damaged
output-contains: story.lua:12: error: scene "mercado": the picture "images/mercado.pic" is damaged
output-contains: story.lua:18: error: scene "fin": the picture "images/short.png" is damaged

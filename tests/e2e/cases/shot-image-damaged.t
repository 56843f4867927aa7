# shot of a scene whose picture is damaged: the placeholder is drawn and the problem reported
args: shot tests/data/bad-image-damaged --scene plaza --size 640x360 -o plaza.png
exit: 1
output-contains: story.lua:10: error: the picture "images/plaza.png" cannot be decoded
creates: plaza.png

# the player shows the calm placeholder for a damaged picture, says why once, and plays on
# past the title to the ending (the title shows the first scene's picture too)
args: play --headless --choices 1 --screenshot end.png tests/data/bad-image-damaged
exit: 0
stdout-contains: scene plaza (the end)
stderr-contains: story.lua:10: error: the picture "images/plaza.png" cannot be decoded
creates: end.png

# a PNG whose header is whole but whose chunks are damaged: check decodes it as the player
# would and says so at the scene's line (SDL_image 2.6 looped for ever on this file)
args: check tests/data/bad-image-damaged
exit: 1
output-contains: story.lua:10: error:
output-contains: "images/plaza.png" is damaged or cut short

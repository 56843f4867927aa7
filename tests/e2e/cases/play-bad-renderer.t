args: play --renderer vulkan tests/data/player-basic
exit: 2
stderr-contains: --renderer

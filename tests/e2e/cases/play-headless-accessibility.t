# play takes the accessibility settings too
args: play --headless --high-contrast --reduce-motion --choices 1 --size 640x360 --screenshot out.png tests/data/player-basic
exit: 0
creates: out.png

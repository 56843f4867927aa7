# play --headless picks the choices as `orilla text` numbers them, reaches the ending and writes the last frame
args: play --headless --choices 1,2,1 --screenshot end.png tests/data/player-basic
exit: 0
stdout-contains: scene ana-end (the end)
stdout-contains: after 3 choices
creates: end.png

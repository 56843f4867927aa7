# content notes count as picks, as in `orilla text`: Continue to the scene's and the testimony's notes
args: play --headless --choices 1,1,1,1 --size 480x270 --screenshot end.png tests/data/player-care
exit: 0
stdout-contains: scene end (the end)
creates: end.png

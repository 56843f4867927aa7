# a choice number the scene does not show is a usage error that names the scene
args: play --headless --choices 1,5 --screenshot out.png tests/data/player-basic
exit: 2
stderr-contains: choice 5
stderr-contains: ana-1

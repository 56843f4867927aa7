# --watch is for the window player, not --headless
args: play --watch --headless --screenshot out.png tests/data/player-basic
exit: 2
stderr-contains: --watch

# --headless without --screenshot has nowhere to put its frame
args: play --headless --choices 1 tests/data/player-basic
exit: 2
stderr-contains: --screenshot

# with no display, --watch on a folder is accepted and ends like any window player: exit 2
args: play --watch tests/data/player-basic
exit: 2
stderr-contains: no display

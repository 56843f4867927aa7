# with no display, play says so, suggests `orilla text`, and exits 2 (not a crash, not a hang)
args: play tests/data/player-basic
env: SDL_VIDEODRIVER=x11
exit: 2
stderr-contains: no display
stderr-contains: orilla text

# no display and no --headless: exit 2 with a way forward, nothing written
args: kiosk tests/data/player-basic
exit: 2
stderr-matches: there is no display
stderr-contains: --headless --script

# the kiosk keeps serving visitors when a story's on_enter runs into its deadline
args: kiosk tests/data/bad-slow-compare --headless --soak 2 --seed 1 --size 160x90
exit: 0
timeout: 60
stdout-contains: soak: 2 visitors (seed 1)
output-contains: ran too long

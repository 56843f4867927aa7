# a kiosk given a story that loops inside C keeps serving the next visitor
args: kiosk tests/data/bad-c-loop --headless --soak 4 --seed 3 --size 160x90
exit: 0
timeout: 60
stdout-contains: soak: 4 visitors (seed 3)
output-contains: ran too many steps

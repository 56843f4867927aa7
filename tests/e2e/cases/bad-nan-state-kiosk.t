# the kiosk says why the story stopped and serves the next visitor
args: kiosk tests/data/bad-nan-state --headless --soak 3 --seed 1 --size 160x90
exit: 0
timeout: 60
stdout-contains: soak: 3 visitors (seed 1)
output-contains: story.lua:6: after scene "a": s.ratio is not a number (NaN

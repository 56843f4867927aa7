# --soak: simulated visitors with random choices and random walking away; the statistics hold
# exactly the sessions the driver saw begin and end (scripts/bench runs 10,000)
args: kiosk --config tests/data/kiosk/kiosk.lua tests/data/player-basic --headless --soak 25 --seed 11 --stats s.db --size 160x90
env: ORILLA_TODAY=2026-03-01
exit: 0
timeout: 120
creates: s.db
stdout-contains: soak: 25 visitors (seed 11)
stdout-contains: exactly the sessions simulated
stdout-matches: ^soak: open file descriptors: [0-9]+ at the start, [0-9]+ at the end$

# The kiosk keeps nothing of its visitors: 200 simulated visitors (a panorama, pictures,
# four languages, walking away), and the heap in use after the last one is within 1 MB of
# what it was after the first 100 (the soak's own figure, from the C library's count of
# bytes allocated and not freed: it depends on what is kept, not on time). A leak of 10 kB a
# visitor or more, a cache keyed by visitor, per-visitor state left behind: each fails here.
args: kiosk --headless --soak 200 --seed 5 tests/data/player-basic --size 160x90
exit: 0
timeout: 300
stdout-contains: soak: 200 visitors (seed 5)
stdout-matches: ^soak: heap in use after 100 visitors \(warm-up\): [0-9]+ kB; at the end: [0-9]+ kB; growth after warm-up: (-[0-9]+|[0-9]{1,3}) kB$
stdout-contains: soak: open file descriptors:

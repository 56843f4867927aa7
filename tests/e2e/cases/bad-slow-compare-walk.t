# one instruction that costs milliseconds, in a loop: the watchdog ends the call at its
# deadline (the count hook alone came every 1,000 instructions, seconds apart)
args: walk tests/data/bad-slow-compare
exit: 1
timeout: 20
output-contains: story.lua:12: error: scene "a", on_enter: ran too long

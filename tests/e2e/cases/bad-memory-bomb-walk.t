# A table that grows without end in on_enter: stopped by the memory cap.
args: walk tests/data/bad-memory-bomb
exit: 1
timeout: 20
output-contains: story.lua:1
output-contains: error:
output-contains: memory

# NaN in the story state is refused at the on_enter that made it (it was saved and could
# never be restored: walk said "out of memory")
args: walk tests/data/bad-nan-state
exit: 1
output-contains: story.lua:6: error: after scene "a": s.ratio is not a number (NaN
output-not-contains: out of memory

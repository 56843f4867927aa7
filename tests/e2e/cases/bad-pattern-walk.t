# A string pattern that would backtrack for minutes: refused at once.
args: walk tests/data/bad-pattern
exit: 1
output-contains: story.lua:18:
output-contains: error:
output-contains: pattern

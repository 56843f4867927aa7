# 400,000 choices to missing scenes: check ends quickly with the first 100 messages and one
# line counting the rest (issue #21, class 3)
args: check tests/data/bad-many-missing
exit: 1
output-contains: story.lua:10: error: scene "s1", choice 1: go = "missing-1"
output-contains: error: and 399900 more like the ones above (unknown-go)
output-contains: 400000 errors

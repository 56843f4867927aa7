# Two scenes named "a": the second is reported, pointing at the first.
args: check tests/data/bad-duplicate-scene
exit: 1
output-contains: story.lua:20:
output-contains: error:
output-contains: story.lua:8

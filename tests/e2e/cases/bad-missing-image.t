args: check tests/data/bad-missing-image
exit: 1
output-contains: story.lua:8:
output-contains: error:
output-contains: images/nowhere.png

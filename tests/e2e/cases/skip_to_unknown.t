# skip_to naming no scene: an error at its line, with a did-you-mean.
args: check tests/data/bad-skip-to
exit: 1
output-contains: story.lua:13: error:
output-contains: "plaz"
output-contains: "plaza"

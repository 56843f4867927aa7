# Every fact carries a source.
args: check tests/data/bad-fact-no-source
exit: 1
output-contains: story.lua:1
output-contains: error:
output-contains: source

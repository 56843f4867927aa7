# io is not there (had it run, it would have left a file, which fails the test).
args: check tests/data/bad-io-open
exit: 1
output-contains: story.lua:9:
output-contains: error:
output-contains: io

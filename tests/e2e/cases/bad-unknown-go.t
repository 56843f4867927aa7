# go = "ana-2" where the scene is "ana-22": a did-you-mean.
args: check tests/data/bad-unknown-go
exit: 1
output-contains: story.lua:11:
output-contains: error:
output-contains: ana-2
output-contains: ana-22

# An unknown kind is an error at its line, with a did-you-mean, in Spanish too.
args: check tests/data/bad-kind
exit: 1
output-contains: story.lua:16: error:
output-contains: "recreada"
output-contains: "recreated"

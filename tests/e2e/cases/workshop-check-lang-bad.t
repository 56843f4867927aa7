# A language Orilla's messages are not in is a usage error.
args: check tests/data/graph-story --lang xx
exit: 2
output-contains: --lang

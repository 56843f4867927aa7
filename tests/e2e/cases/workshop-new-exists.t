# orilla new never touches a folder that already exists.
args: new tests/data/graph-story
exit: 2
output-contains: already exists

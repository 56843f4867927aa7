# pack refuses the story, says why, and writes no bundle
args: pack tests/data/bad-many-missing -o out.orilla
exit: 1
output-contains: and 399900 more like the ones above

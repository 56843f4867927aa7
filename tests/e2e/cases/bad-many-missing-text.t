# text refuses the story quickly too
args: text tests/data/bad-many-missing
exit: 1
output-contains: and 399900 more like the ones above

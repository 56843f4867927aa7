args: text tests/data/bad-empty
exit: 1
output-contains: error:

args: frobnicate tests/data/good-small
exit: 2
output-contains: frobnicate

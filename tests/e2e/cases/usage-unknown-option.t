args: walk tests/data/good-small --no-such-option
exit: 2
output-contains: --no-such-option

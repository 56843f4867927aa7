args: walk tests/data/does-not-exist
exit: 2
output-contains: does-not-exist

# The speed line is for benchmarks, not authors: walk prints it only with --verbose.
args: walk tests/data/good-small --all
exit: 0
stdout-contains: endings reached: 2 of 2
output-not-contains: choices/s

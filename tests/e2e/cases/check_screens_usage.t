# --shape goes with --screens, and is a size.
args: check tests/data/screens-overlap --shape 12
exit: 2
output-contains: --shape

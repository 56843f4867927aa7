# The audit's findings for editors: one JSON array, with the stable code.
args: check tests/data/screens-overlap --screens --format json --shape 390x844 --text-size 4
exit: 1
stdout-contains: "code":"screen-overlap"
stdout-contains: 390x844

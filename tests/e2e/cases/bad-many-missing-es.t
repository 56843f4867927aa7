# the same, in Spanish
args: check tests/data/bad-many-missing --lang es
exit: 1
output-contains: error: y 399900 más como los de arriba (unknown-go)

# -o naming a folder: refused.
setup: mkdir out.dot
args: graph tests/data/good-small -o out.dot
exit: 2
output-contains: it is a folder

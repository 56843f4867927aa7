# -o naming a FIFO: refused; renaming over it would replace it (as root, -o /dev/full
# replaced the real /dev/full). Issue #21, class 6.
setup: mkfifo out.pot
args: strings tests/data/good-small -o out.pot
exit: 2
output-contains: will not write out.pot: it is a pipe (FIFO)

args: check tests/data/bad-loop-when
exit: 0 1

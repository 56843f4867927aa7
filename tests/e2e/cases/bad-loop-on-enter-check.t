# check may or may not run story functions; either way it must end by itself.
args: check tests/data/bad-loop-on-enter
exit: 0 1

# A path that does not exist: exit 2, naming it.
args: check tests/data/does-not-exist
exit: 2
output-contains: does-not-exist

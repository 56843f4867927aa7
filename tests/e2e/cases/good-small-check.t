# A good small story passes check with no errors.
args: check tests/data/good-small
exit: 0
output-not-contains: error:

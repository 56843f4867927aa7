# check: a scene reached only through a skip_to is not "unreachable".
args: check tests/data/skip-only
output-not-contains: unreachable
output-not-contains: cannot be reached

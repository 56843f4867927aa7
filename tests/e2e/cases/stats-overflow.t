# Counts whose sum does not fit: reported as the damaged file it is (was: 'not an error').
setup: python3 tests/e2e/make_stats.py overflow x.db
args: stats x.db
exit: 2
output-contains: integer overflow
output-not-contains: not an error

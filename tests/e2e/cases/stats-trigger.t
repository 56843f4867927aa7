# A statistics file with a view and a trigger: not Orilla's schema.
setup: python3 tests/e2e/make_stats.py trigger x.db
args: stats x.db
exit: 2
output-contains: its schema holds a view

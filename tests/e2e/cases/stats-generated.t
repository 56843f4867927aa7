# A statistics file whose 'day' is a generated column over a 300 MB blob made the read-only
# report use 2.3 GB: its schema is refused (issue #21, class 6).
setup: python3 tests/e2e/make_stats.py generated x.db
args: stats x.db
exit: 2
output-contains: not Orilla's statistics: its table sessions has a computed column (day)

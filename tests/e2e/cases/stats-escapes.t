# Escapes in a statistics file's day, story and scene: shown visibly (issue #21, class 5).
setup: python3 tests/e2e/make_stats.py escapes x.db
args: stats x.db
exit: 0
output-contains: 2026-03-01\x1b[2J

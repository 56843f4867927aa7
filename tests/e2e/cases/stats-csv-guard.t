# CSV: escapes shown visibly, a lone CR shown, cells a spreadsheet would run are guarded.
setup: python3 tests/e2e/make_stats.py escapes x.db
args: stats --csv x.db
exit: 0
stdout-contains: "'=cmd|' /C calc'!A0"
stdout-contains: "'-2+3"
stdout-contains: st\x1b]0;x\x07ory
stdout-contains: ,\rnext,

# A story made to break layouts (a 200-character title, 10 support organisations, a scene of
# 2,000 words with 12 choices, every hotspot behind the first view): the player handles each
# (docs/player.md, "Layouts"), so the audit finds nothing; the long text is still advice.
args: check tests/data/screens-break --screens --verbose
exit: 0
timeout: 60
stderr-contains: 0 findings
stdout-contains: warning:
stdout-not-contains: error:

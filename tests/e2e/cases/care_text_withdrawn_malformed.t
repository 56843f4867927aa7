# A withdrawal list that cannot be fully understood: the player does not start.
args: text tests/data/care-story --withdrawn tests/data/care-withdrawn/malformed.txt --choices 1,1,1,1,1
env: ORILLA_TODAY=2026-01-10
exit: 2
stderr-contains: malformed.txt:3: error:
stdout-not-contains: I crossed the bridge

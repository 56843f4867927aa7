# --withdrawn hides a testimony its narrator took back, even where consent allows it.
args: text tests/data/care-story --withdrawn tests/data/care-withdrawn/withdrawn.txt --choices 1,1,1,1
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: A testimony was here.
stdout-not-contains: I crossed the bridge
stdout-contains: — The end —

# At an exhibition, Ana's testimony (agreed for workshop and kiosk) is not shown.
args: text tests/data/care-story --deployment exhibition --choices 1,1,1,1
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: A testimony was here.
stdout-not-contains: I crossed the bridge

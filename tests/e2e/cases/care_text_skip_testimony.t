# "Skip this part" at a testimony's content note hides the testimony only.
args: text tests/data/care-story --choices 1,1,1,2,1
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: At the border the soldiers took the bags.
stdout-contains: The shelter smelled of soap and soup.
stdout-contains:     (You skipped this part.)
stdout-not-contains: I crossed the bridge
stdout-not-contains: Testimony of Ana
stdout-contains: — The end —

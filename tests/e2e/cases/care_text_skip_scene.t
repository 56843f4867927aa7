# "Skip this part" at a scene's content note hides everything the scene shows (title, text,
# fact) and keeps its choices; the testimony in the next scene is still asked about.
args: text tests/data/care-story --choices 1,2,1,1,1
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: (You skipped this part.)
stdout-contains:   1. Go on
stdout-not-contains: == The border ==
stdout-not-contains: At the border the soldiers
stdout-not-contains: More than 7.7 million
stdout-contains: I crossed the bridge
stdout-contains: — The end —

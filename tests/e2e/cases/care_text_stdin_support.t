# Answers typed on standard input; "s" shows who to talk to, then asks again; q stops.
args: text tests/data/care-story
env: ORILLA_TODAY=2026-01-10
stdin: 1
stdin: s
stdin: 2
stdin: q
exit: 0
stdout-contains: If this story touched you, you can talk to:
stdout-contains: (You skipped this part.)
stdout-contains: (stopped)
stdout-not-contains: At the border the soldiers
stdout-not-contains: — The end —

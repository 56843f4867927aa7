# A story whose consent is far from ending: no problems ("1 ending", not "1 endings").
args: check tests/data/care-story
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: no problems found (5 scenes, 1 ending, 2 testimonies)

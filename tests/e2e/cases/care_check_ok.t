# A story whose consent is far from ending: no problems.
args: check tests/data/care-story
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: no problems found (5 scenes, 1 endings, 2 testimonies)

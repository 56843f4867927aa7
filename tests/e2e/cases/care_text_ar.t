# Content notes and their answers are translated (Arabic).
args: text tests/data/care-story --lang ar --choices 1,2,1,2,1
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: [تنبيه بشأن المحتوى: violence]
stdout-contains: 1. متابعة
stdout-contains: 2. تخطَّ هذا الجزء
stdout-contains: (لقد تخطيت هذا الجزء.)
stdout-not-contains: I crossed the bridge

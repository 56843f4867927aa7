# check: an error for a testimony without consent, a warning for consent ending within 90
# days and for consent that has ended, a scope typo, captions mistakes as file:line, and a
# fact without a source.
args: check tests/data/care-check
env: ORILLA_TODAY=2026-01-10
exit: 1
stdout-contains: story.lua:13: error: testimony "no-consent" has no consent
stdout-contains: story.lua:22: warning: testimony "ending-soon": consent ends on 2026-03-03, in 52 days
stdout-contains: story.lua:28: warning: testimony "ended": consent ended on 2026-01-01
stdout-contains: did you mean "kiosk"?
stdout-contains: captions/bad.vtt:6: error: the start time is not a time
stdout-contains: captions/bad.vtt:9: error: the end time is not after the start time
stdout-contains: error: scene "a": a fact must say where it comes from
stdout-contains: 5 errors, 2 warnings

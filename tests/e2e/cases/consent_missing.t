# orilla consent exits 1 when a testimony has no consent; the date comes from ORILLA_TODAY.
args: consent tests/data/care-check
env: ORILLA_TODAY=2026-01-10
exit: 1
stdout-contains: date: 2026-01-10 (ORILLA_TODAY)
stdout-matches: ^no-consent +Ana +- +- +- +hidden: no consent recorded +-$
stdout-matches: ^ending-soon .* shown +52$
stdout-contains: 1 without readable consent

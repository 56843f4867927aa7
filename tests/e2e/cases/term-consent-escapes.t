# orilla consent prints the narrator's name visibly.
args: consent tests/data/hostile-term
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: Ana \x1b[31mred\x1b[0m \u{202e}override

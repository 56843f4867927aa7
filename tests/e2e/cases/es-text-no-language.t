# ORILLA_LANG=es and a story that does not say its language: the terminal player's own words
# (the end, the prompts) are in Spanish too.
args: text tests/data/twine-like-text
env: ORILLA_LANG=es
exit: 0
stdout-contains: — Fin —
stdout-not-contains: The end

# The audit's findings in Spanish (ORILLA_LANG=es).
args: check tests/data/screens-overlap --screens
env: ORILLA_LANG=es
exit: 1
stdout-contains: story.lua:12: error:
stdout-contains: se solapan
stdout-contains: todas las pantallas

# The same, for a Spanish-speaking workshop.
args: check tests/data/hostile-term-ids
env: ORILLA_LANG=es
exit: 1
output-contains: story.lua:4: error:
output-contains: caracteres invisibles
output-contains: nowhere\x1b[2J

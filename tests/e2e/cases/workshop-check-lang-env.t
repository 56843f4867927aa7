# ORILLA_LANG=es does the same as --lang es; the story's own scene names stay as written.
args: check tests/data/graph-story
env: ORILLA_LANG=es
exit: 0
output-contains: aviso:
output-contains: escena "sola": no se puede llegar desde el inicio "a"

# check's walk (the story has a `when`) stops at the same cap and says so, in Spanish too
args: check tests/data/bad-big-states
env: ORILLA_LANG=es
exit: 1
timeout: 30
output-contains: story.lua:6: error: el recorrido se detuvo tras

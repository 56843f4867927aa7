# ORILLA_LANG=es orilla play: the load errors are in Spanish (the player's own copy of "open a
# story and print its problems" never set the wording).
args: play tests/data/bad-syntax
env: ORILLA_LANG=es
exit: 1
stderr-contains: story.lua:11: error: falta una coma ',' antes de go
stderr-contains: 1 error: arréglalo primero
stderr-not-contains: mend it first

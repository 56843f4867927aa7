# --watch reloads a story folder; a single file (a bundle) is a usage error that says so
args: play --watch tests/data/player-basic/story.lua
exit: 2
stderr-contains: --watch needs a story folder

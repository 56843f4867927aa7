# The same in Spanish: A scene name without quotes.
args: check tests/data/beginner-scene-name-unquoted --lang es
exit: 1
stdout-contains: story.lua:18: error: el nombre después de scene va entre comillas: scene "espera" { ... }
stdout-contains: 1 error, 0 avisos

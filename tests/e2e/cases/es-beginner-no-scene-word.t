# The same in Spanish: A scene without the word scene.
args: check tests/data/beginner-no-scene-word --lang es
exit: 1
stdout-contains: story.lua:18: error: a "espera" { ... } le falta delante la palabra que dice qué es
stdout-contains: 1 error, 0 avisos

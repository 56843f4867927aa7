# A scene without the word scene: named at line 18, in the author's words, and nothing after it.
args: check tests/data/beginner-no-scene-word
exit: 1
stdout-contains: story.lua:18: error: "espera" { ... } needs the word that says what it is before the name
stdout-contains: 1 error, 0 warnings

# A scene name without quotes: named at line 18, in the author's words, and nothing after it.
args: check tests/data/beginner-scene-name-unquoted
exit: 1
stdout-contains: story.lua:18: error: the name after scene goes between quotes: scene "espera" { ... }
stdout-contains: 1 error, 0 warnings

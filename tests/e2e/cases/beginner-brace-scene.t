# A scene's closing } missing in the middle of the file: named at line 15, in the author's words.
args: check tests/data/beginner-brace-scene
exit: 1
stdout-contains: story.lua:15: error: scene "casa" (line 9) is not closed: a '}' is missing after this line, before line 25
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

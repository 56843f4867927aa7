# ending = "true" in quotes: named at line 35, in the author's words, and nothing after it.
args: check tests/data/beginner-ending-quoted
exit: 1
stdout-contains: story.lua:35: error: scene "albergue": 'ending' should be true or false (without quotes), but it is text
stdout-contains: 1 error, 0 warnings

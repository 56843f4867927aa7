# story( ... ) with parentheses: named at line 2, in the author's words, and nothing after it.
args: check tests/data/beginner-story-parens
exit: 1
stdout-contains: story.lua:2: error: story is followed by braces { }, not parentheses ( )
stdout-contains: 1 error, 0 warnings

# The same in Spanish: story( ... ) with parentheses.
args: check tests/data/beginner-story-parens --lang es
exit: 1
stdout-contains: story.lua:2: error: después de story van llaves { }, no paréntesis ( )
stdout-contains: 1 error, 0 avisos

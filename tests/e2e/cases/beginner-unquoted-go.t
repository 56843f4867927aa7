# go = albergue without quotes: named at line 29, in the author's words.
args: check tests/data/beginner-unquoted-go
exit: 1
stdout-contains: story.lua:29: error: go = albergue: are the quotes missing?
stdout-contains: 1 error,
stdout-not-contains: cannot be reached
stdout-not-contains: 'go' is missing

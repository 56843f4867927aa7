# start = casa without quotes: named at line 6, in the author's words.
args: check tests/data/beginner-unquoted-start
exit: 1
stdout-contains: story.lua:6: error: start = casa: are the quotes missing?
stdout-contains: 1 error,
stdout-not-contains: 'start' is missing

# One syntax error is one message: the scenes it kept from being defined are not reported too.
args: check tests/data/bad-syntax
exit: 1
stdout-contains: story.lua:11: error:
stdout-contains: 1 error, 0 warnings
stdout-not-contains: no scenes
stdout-not-contains: no scene with that name

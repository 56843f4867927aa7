# The same in Spanish: go = albergue without quotes.
args: check tests/data/beginner-unquoted-go --lang es
exit: 1
stdout-contains: story.lua:29: error: go = albergue: ¿faltan las comillas?
stdout-contains: 1 error,

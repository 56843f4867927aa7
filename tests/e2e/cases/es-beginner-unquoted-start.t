# The same in Spanish: start = casa without quotes.
args: check tests/data/beginner-unquoted-start --lang es
exit: 1
stdout-contains: story.lua:6: error: start = casa: ¿faltan las comillas?
stdout-contains: 1 error,

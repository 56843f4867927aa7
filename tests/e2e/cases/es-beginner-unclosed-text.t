# The same in Spanish: A text without its closing quote.
args: check tests/data/beginner-unclosed-text --lang es
exit: 1
stdout-contains: story.lua:27: error: a este texto le faltan las comillas de cierre "
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

# The same in Spanish: A text without its opening quote.
args: check tests/data/beginner-open-quote --lang es
exit: 1
stdout-contains: story.lua:19: error: a este texto le faltan las comillas de apertura
stdout-contains: 1 error,

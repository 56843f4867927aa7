# The same in Spanish: Words outside quotes.
args: check tests/data/beginner-words-outside --lang es
exit: 1
stdout-contains: story.lua:36: error: estas palabras no están entre comillas
stdout-contains: 1 error,

# The same in Spanish: text: instead of text =.
args: check tests/data/beginner-colon --lang es
exit: 1
stdout-contains: story.lua:19: error: un campo se escribe con '=', no con ':'
stdout-contains: 1 error,

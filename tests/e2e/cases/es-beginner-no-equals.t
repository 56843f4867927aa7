# The same in Spanish: A field without its =.
args: check tests/data/beginner-no-equals --lang es
exit: 1
stdout-contains: story.lua:19: error: después de text falta un '=': escribe text = "..."
stdout-contains: 1 error,

# The same in Spanish: ending = "true" in quotes.
args: check tests/data/beginner-ending-quoted --lang es
exit: 1
stdout-contains: story.lua:35: error: escena "albergue": 'ending' debería ser true (verdadero) o false (falso), sin comillas, pero es texto
stdout-contains: 1 error, 0 avisos

# The same in Spanish: A quote inside a text whose words have a comma.
args: check tests/data/beginner-quote-comma --lang es
exit: 1
stdout-contains: story.lua:34: error: unas comillas " dentro de un texto lo terminan antes de tiempo (aquí, justo antes de Vente)
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

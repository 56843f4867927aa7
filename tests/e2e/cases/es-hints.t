# ORILLA_LANG=es: the plain-words explanations of syntax mistakes in Spanish.
args: check tests/data/bad-stray-quote
env: ORILLA_LANG=es
exit: 1
stdout-contains: story.lua:6: error: unas comillas " dentro de un texto lo terminan antes de tiempo (aquí, justo antes de no)

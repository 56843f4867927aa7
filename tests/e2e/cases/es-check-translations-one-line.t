# The same in Spanish: one line per language, the story's problems first.
args: check tests/data/workshop-translated --lang es
exit: 0
stdout-contains: traducción "en": 12 de 17 textos están traducidos (70%); los demás se muestran en el idioma original de la historia ('orilla check --verbose' los lista)
stdout-not-contains: story.lua:33 "Un dato."
stdout-contains: 0 errores, 4 avisos

# ORILLA_LANG=es: import twee's warnings and summary in Spanish ("1 final", not "1 finales"),
# the format and the guessed language too.
args: import twee tests/data/twee/sample.twee -o amal
env: ORILLA_LANG=es
exit: 0
creates: amal
creates: amal/story.lua
stderr-contains: sample.twee:27: aviso: pasaje "Wait a day": el enlace "Nowhere" lleva a "Missing passage"
stdout-contains: importado en amal/story.lua: 4 escenas (1 final), 5 opciones; 4 pasajes especiales dejados fuera
stdout-contains: formato de la historia: Harlowe; idioma: en (adivinado por sus palabras
stdout-contains: 2 avisos arriba: sus números de línea son de
stdout-contains: después: orilla check amal, y luego orilla text amal

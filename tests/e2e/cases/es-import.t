# ORILLA_LANG=es: import twee's warnings and summary in Spanish ("1 final", not "1 finales").
args: import twee tests/data/twee/sample.twee -o amal
env: ORILLA_LANG=es
exit: 0
creates: amal
creates: amal/story.lua
stderr-contains: sample.twee:22: aviso: pasaje "Wait a day": código de Harlowe '(set: $waited to true)' se dejó como texto
stdout-contains: importado en amal/story.lua: 4 escenas (1 final), 6 opciones; 4 pasajes especiales dejados fuera
stdout-contains: 7 avisos arriba: sus números de línea son de
stdout-contains: después: orilla check amal, y luego orilla text amal

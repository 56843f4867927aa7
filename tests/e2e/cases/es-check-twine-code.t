# ORILLA_LANG=es: Twine code left in an imported story, in Spanish.
args: check tests/data/twee-imported
env: ORILLA_LANG=es
exit: 0
stdout-contains: story.lua:43: aviso: escena "rio-grande": código de SugarCube '<<if $waited>>' sigue en este texto

# ORILLA_LANG=es: walk's summary and its diagnostics in Spanish.
args: walk tests/data/bad-dead-end
env: ORILLA_LANG=es
exit: 1
stdout-contains: story.lua:16: error: escena "stuck" no tiene opciones y no es un final
stdout-contains: escenas alcanzadas: 3 de 3
stdout-contains: finales alcanzados: 1 de 1
stdout-contains:   final "end"
stdout-contains: problemas: 1 error
stdout-not-contains: scenes reached

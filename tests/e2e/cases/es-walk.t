# ORILLA_LANG=es: walk's summary and its diagnostics in Spanish.
args: walk tests/data/bad-dead-end
env: ORILLA_LANG=es
exit: 1
stdout-contains: error: la escena "stuck" es un callejón sin salida
stdout-contains: escenas alcanzadas: 3 de 3
stdout-contains: finales alcanzados: 1 de 1
stdout-contains:   final "end"
stdout-contains: problemas: 1 error
stdout-not-contains: scenes reached

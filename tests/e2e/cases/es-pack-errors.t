# ORILLA_LANG=es: pack refuses a story with errors, in Spanish, with the right plural.
args: pack tests/data/bad-unknown-go -o x.orilla
env: ORILLA_LANG=es
exit: 1
stderr-contains: 1 error: pack solo empaqueta historias sin errores; arréglalo primero

# ORILLA_LANG=es: a command given a story with errors says, in Spanish, to mend them first
# (with the right plural).
args: walk tests/data/bad-unknown-go
env: ORILLA_LANG=es
exit: 1
stderr-contains: ¿quisiste decir
stderr-matches: ^1 error: arréglalo primero \('orilla check .*bad-unknown-go' muestra todos los problemas\)$

# ORILLA_LANG=es: pack's summary in Spanish.
args: pack tests/data/good-small -o small.orilla
env: ORILLA_LANG=es
env: SOURCE_DATE_EPOCH=1767225600
exit: 0
creates: small.orilla
stdout-contains: se escribió small.orilla: 1 archivo,
stdout-contains: , sin firmar

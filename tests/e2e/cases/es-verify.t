# ORILLA_LANG=es: verify's summary in Spanish ("1 archivo coincide").
args: verify tests/fuzz/corpus/bundle/good-small.orilla
env: ORILLA_LANG=es
exit: 0
stdout-contains: bien: 1 archivo coincide con el manifiesto; sin firmar

# check --lang es: the checker speaks Spanish (severities, messages, the summary line).
args: check tests/data/po-broken --lang es
exit: 1
output-contains: locale/fr.po:3: error: el texto entre comillas no está cerrado
output-contains: ¿quisiste decir 'msgstr'?
output-contains: aviso: traducción "fr"
output-contains: 2 errores, 1 aviso

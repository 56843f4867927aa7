# check --lang es: the missing texts of a translation, in Spanish.
args: check tests/data/translation-missing --lang es --verbose
exit: 0
stdout-contains: traducción "en": 0 de 22 textos están traducidos (0%)
stdout-matches: ^    y 12 más$
stdout-contains: 0 errores, 1 aviso

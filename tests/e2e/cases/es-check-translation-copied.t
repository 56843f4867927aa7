# The msginit trap, in Spanish.
args: check tests/data/translation-copied --lang es
exit: 0
stdout-contains: locale/en.po: aviso: traducción "en": 5 de sus 5 textos son iguales a los de la historia original
stdout-not-contains: textos están traducidos

# Mistakes in a translation file come back at their line, with a did-you-mean.
args: check tests/data/po-broken
exit: 1
output-contains: locale/fr.po:3: error:
output-contains: not closed
output-contains: locale/fr.po:6: error:
output-contains: did you mean 'msgstr'

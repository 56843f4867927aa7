# check lists the texts a translation still misses, under its line: where each is written and
# its first words.
args: check tests/data/workshop-translated --verbose
exit: 0
stdout-contains: translation "en": 12 of 17 texts are translated (70%)
stdout-matches: and translate what is missing:$
stdout-matches: ^    story\.lua:33 "Un dato\."$
stdout-matches: ^    story\.lua:53 "Fin del camino\."$

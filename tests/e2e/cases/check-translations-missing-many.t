# Many texts missing: the first ten are listed under the translation's line, then how many more.
args: check tests/data/translation-missing --verbose
exit: 0
stdout-contains: translation "en": 0 of 22 texts are translated (0%)
stdout-matches: ^    story\.lua:5 "Texto número 1"$
stdout-matches: ^    story\.lua:9 "Texto número 5"$
stdout-matches: ^    and 12 more$
stdout-not-contains: "Texto número 6"

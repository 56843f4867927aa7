# msginit -l en_US copies every Spanish text into its msgstr: check says the file is copies,
# not "all translated".
args: check tests/data/translation-copied
exit: 0
stdout-contains: locale/en.po: warning: translation "en": 5 of its 5 texts are the same as the story's own words
stdout-contains: File > New from POT/PO file
stdout-not-contains: texts are translated

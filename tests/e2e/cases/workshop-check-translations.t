# check says how much of each translation is done, which entries are no longer in the story,
# and which choices are never shown (their `when` is false on every path).
args: check tests/data/workshop-translated --verbose
exit: 0
output-contains: locale/en.po: warning: translation "en": 12 of 17 texts are translated
output-contains: fuzzy
output-contains: locale/en.po:60: warning:
output-contains: Texto que ya no está
output-contains: story.lua:47: warning:
output-contains: never shown

# Without --verbose, each translation's progress is one line, after the story's own problems
# (the missing texts were an 11-line block at the top of every check).
args: check tests/data/workshop-translated
exit: 0
stdout-matches: ^locale/en.po: warning: translation "en": 12 of 17 texts are translated \(70%\); the others are shown in the story's own language \('orilla check --verbose' lists them\)$
stdout-matches: ^locale/en.po: warning: translation "en": texts no longer in the story \(changed or removed\): 1;
stdout-not-contains: story.lua:33 "Un dato."
stdout-not-contains: locale/en.po:60:
stdout-matches: ^story.lua:47: warning:

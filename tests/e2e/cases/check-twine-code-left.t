# A story 'orilla import twee' wrote (tests/data/twee-imported, from tests/data/twee/sample.twee):
# check warns, at the story.lua line, about Twine code still in its texts, so it is not
# shown to readers unnoticed.
args: check tests/data/twee-imported
exit: 0
stdout-contains: story.lua:31: warning: scene "wait-a-day": Harlowe code '(set: $waited to true)' is still in this text
stdout-contains: story.lua:42: warning: scene "rio-grande": a story variable '$name'
stdout-contains: story.lua:43: warning: scene "rio-grande": SugarCube code '<<if $waited>>'
stdout-contains: 0 errors, 3 warnings

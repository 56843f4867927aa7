# The import's summary says whose line numbers the warnings have (the .twee file's), and where
# the passages are in story.lua; the advice 'orilla check' will give is counted (the 3 pieces of
# Twine code left).
args: import twee tests/data/twee/sample.twee -o amal
exit: 0
creates: amal
creates: amal/story.lua
stdout-contains: 7 warnings above: their line numbers are in
stdout-contains: sample.twee. In amal/story.lua each passage is a scene under a comment -- Twine: "passage name"
stdout-not-contains: look at those passages in story.lua
stdout-contains: 'orilla check amal' has 3 more pieces of advice

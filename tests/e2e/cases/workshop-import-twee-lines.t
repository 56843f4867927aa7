# The import's summary says whose line numbers the warnings have (the .twee file's), and where
# the passages are in story.lua; no advice is left for 'orilla check' once the code is converted.
args: import twee tests/data/twee/sample.twee -o amal
exit: 0
creates: amal
creates: amal/story.lua
stdout-contains: 2 warnings above: their line numbers are in
stdout-contains: sample.twee. In amal/story.lua each passage is a scene under a comment -- Twine: "passage name"
stdout-not-contains: look at those passages in story.lua
stdout-not-contains: more piece

# import twee: passages become scenes, links choices (all four link forms, the rightmost ->);
# Harlowe's (set:), SugarCube's <<if>>, <<set>> in StoryInit, $variables and a setter link are
# converted (no warning about them); a broken link is left out with a warning; the format and
# the guessed language are said.
args: import twee tests/data/twee/sample.twee -o amal
exit: 0
creates: amal
creates: amal/story.lua
stdout-contains: 4 scenes (1 ending), 5 choices
stdout-contains: story format: Harlowe; language: en (guessed from its words
output-contains: sample.twee:27: warning: passage "Wait a day": the link "Nowhere" goes to "Missing passage"
output-not-contains: Harlowe code
output-not-contains: SugarCube code
output-not-contains: setter

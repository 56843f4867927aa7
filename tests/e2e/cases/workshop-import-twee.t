# import twee: passages become scenes, links choices (all four link forms, the rightmost ->),
# Twine code stays as text with a warning naming passage and line, broken links are left out.
args: import twee tests/data/twee/sample.twee -o amal
exit: 0
creates: amal
creates: amal/story.lua
stdout-contains: 4 scenes (1 ending), 6 choices
output-contains: sample.twee:22: warning: passage "Wait a day": Harlowe code '(set: $waited to true)'
output-contains: sample.twee:27: warning:
output-contains: Missing passage
output-contains: sample.twee:31: warning: passage "Río Grande": SugarCube code
output-contains: setter

# A story published by Twine 2 (an HTML file with <tw-storydata>) is imported like a .twee:
# its passages, its start (startnode), its format; HTML entities in the passages decoded.
args: import twee tests/data/twine-real/harlowe-lock-and-key-html/story.html -o llave
exit: 0
creates: llave
creates: llave/story.lua
stdout-contains: 5 scenes (1 ending), 8 choices
stdout-contains: story format: Harlowe; language: en
output-not-contains: warning

# A text between curly quotes from Word is read as a text between straight quotes, and a
# note says so at its line.
args: check tests/data/beginner-curly
exit: 0
stdout-contains: story.lua:19: note: texts between curly quotes
stdout-contains: no problems found

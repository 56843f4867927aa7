# An error() message made of escapes and bytes that are not UTF-8: walk reports it at its
# line, visibly.
args: walk tests/data/hostile-term-walk
exit: 1
output-contains: story.lua:10: error:
output-contains: \x1b[8m\x1b]0;pwned\x07hidden \u{9b}2J \xff\xfe

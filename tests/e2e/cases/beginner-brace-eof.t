# The last } of the file missing: named at line 35, in the author's words.
args: check tests/data/beginner-brace-eof
exit: 1
stdout-contains: story.lua:35: error: scene "albergue" (line 33) is not closed: a '}' is missing after this line, at the end of the file
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

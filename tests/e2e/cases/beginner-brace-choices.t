# The } that closes choices missing: named at line 14, in the author's words.
args: check tests/data/beginner-brace-choices
exit: 1
stdout-contains: story.lua:14: error: 'choices = {' (line 12) is not closed: a '}' is missing after this line
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

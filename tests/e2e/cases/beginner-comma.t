# A missing comma between two choices: named at line 13, in the author's words.
args: check tests/data/beginner-comma
exit: 1
stdout-contains: story.lua:13: error: a ',' is missing at the end of this line, before { on line 14
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

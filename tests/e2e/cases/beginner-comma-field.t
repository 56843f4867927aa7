# A missing comma after a field, before the next field: named at line 10, in the author's words.
args: check tests/data/beginner-comma-field
exit: 1
stdout-contains: story.lua:10: error: a ',' is missing at the end of this line, before on_enter on line 11
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

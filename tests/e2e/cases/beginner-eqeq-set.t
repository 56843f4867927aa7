# == where = gives a value: named at line 11, in the author's words.
args: check tests/data/beginner-eqeq-set
exit: 1
stdout-contains: story.lua:11: error: '==' compares two values (in a 'when' or an 'if'); to give a value, write a single '='
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

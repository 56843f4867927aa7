# = where == compares, in an if: named at line 20, in the author's words.
args: check tests/data/beginner-eq-if
exit: 1
stdout-contains: story.lua:20: error: a single '=' gives a value; to compare two values write '==' (two signs)
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

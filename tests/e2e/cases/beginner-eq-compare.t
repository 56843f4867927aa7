# = where == compares, in a when: named at line 22, in the author's words.
args: check tests/data/beginner-eq-compare
exit: 1
stdout-contains: story.lua:22: error: a single '=' gives a value; to compare two values write '==' (two signs)
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

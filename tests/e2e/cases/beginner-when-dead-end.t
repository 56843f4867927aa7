# A choice shown only sometimes leaves a dead end: named at line 29 (its condition), in the author's words.
args: check tests/data/beginner-when-dead-end
exit: 1
stdout-contains: story.lua:29: error: scene "puente" is a dead end
stdout-contains: 1 error,

# A choice shown only sometimes leaves a dead end: named at line 26, in the author's words.
args: check tests/data/beginner-when-dead-end
exit: 1
stdout-contains: story.lua:26: error: scene "puente" is a dead end
stdout-contains: 1 error,

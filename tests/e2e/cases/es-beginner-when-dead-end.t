# The same in Spanish: A choice shown only sometimes leaves a dead end.
args: check tests/data/beginner-when-dead-end --lang es
exit: 1
stdout-contains: story.lua:29: error: la escena "puente" es un callejón sin salida
stdout-contains: 1 error,

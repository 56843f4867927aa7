# The same in Spanish: A curly quote that closes nothing.
args: check tests/data/beginner-curly-mixed --lang es
exit: 1
stdout-contains: story.lua:19: error: esta línea tiene comillas curvas
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

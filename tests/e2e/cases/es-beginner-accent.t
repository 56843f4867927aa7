# The same in Spanish: An accent in a state name.
args: check tests/data/beginner-accent --lang es
exit: 1
stdout-contains: story.lua:11: error: el nombre s.bendición tiene una letra con tilde (o una ñ)
stdout-contains: 1 error,
stdout-contains: el resto de story.lua no se leyó

# The same in Spanish: A choice without go: pointed at the choice, not the scene.
args: check tests/data/beginner-no-go --lang es
exit: 1
stdout-contains: story.lua:29: error: escena "puente", opción 1: falta 'go'
stdout-contains: 1 error,

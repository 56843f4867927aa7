# A choice without go: pointed at the choice, not the scene: named at line 29, in the author's words.
args: check tests/data/beginner-no-go
exit: 1
stdout-contains: story.lua:29: error: scene "puente", choice 1: 'go' is missing
stdout-contains: 1 error,

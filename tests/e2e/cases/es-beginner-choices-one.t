# The same in Spanish: choices = { text = ..., go = ... } without the inner braces.
args: check tests/data/beginner-choices-one --lang es
exit: 1
stdout-contains: story.lua:28: error: escena "puente": 'choices' debería ser una lista de opciones, cada una entre llaves
stdout-contains: 1 error, 0 avisos

# choices = { text = ..., go = ... } without the inner braces: named at line 28, in the author's words, and nothing after it.
args: check tests/data/beginner-choices-one
exit: 1
stdout-contains: story.lua:28: error: scene "puente": 'choices' should be a list of choices, each between braces
stdout-contains: 1 error, 0 warnings

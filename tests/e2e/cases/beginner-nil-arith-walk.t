# walk says the same as check about a state value never set, in Spanish, with no consequences after it.
args: walk tests/data/beginner-nil-arith --all --lang es
exit: 1
stdout-contains: story.lua:20: error: escena "espera", on_enter: s.dias todavía no tiene valor
stdout-not-contains: nunca se alcanza
stdout-contains: problemas: 1 error

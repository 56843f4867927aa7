# The same in Spanish: s.dias = s.dias + 1 where s.dias was never set.
args: check tests/data/beginner-nil-arith --lang es
exit: 1
stdout-contains: story.lua:20: error: escena "espera", on_enter: s.dias todavía no tiene valor
stdout-contains: 1 error,

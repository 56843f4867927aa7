# s.dias = s.dias + 1 where s.dias was never set: named at line 20, in the author's words.
args: check tests/data/beginner-nil-arith
exit: 1
stdout-contains: story.lua:20: error: scene "espera", on_enter: s.dias has no value yet
stdout-contains: 1 error,

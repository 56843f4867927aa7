# A script error met while playing headless is told in the author's language too.
args: play --headless --choices 2 --screenshot out.png tests/data/beginner-nil-arith
env: ORILLA_LANG=es
exit: 0 1
creates: out.png
stderr-contains: story.lua:20: error: escena "espera", on_enter: s.dias todavía no tiene valor

# check --lang es: a scene without its '{', in Spanish.
args: check tests/data/bad-missing-brace --lang es
exit: 1
stdout-contains: story.lua:11: error: después de scene "b" falta la '{'
stdout-contains: 1 error, 0 avisos

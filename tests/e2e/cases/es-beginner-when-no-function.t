# The same in Spanish: when = s.dias > 0, without function(s).
args: check tests/data/beginner-when-no-function --lang es
exit: 1
stdout-contains: story.lua:29: error: s (lo que la historia recuerda) solo existe dentro de una función
stdout-contains: 1 error,

# Curly quotes read as straight ones, said in Spanish.
args: check tests/data/beginner-curly --lang es
exit: 0
stdout-contains: story.lua:19: nota: los textos entre comillas curvas
stdout-contains: no se encontró ningún problema

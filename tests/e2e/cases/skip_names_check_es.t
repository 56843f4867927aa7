# The same warning in Spanish.
args: check tests/data/skip-names --lang es
output-contains: story.lua:23: aviso: la escena "mercado" nombra a Daniela, a quien no conoce quien saltó la escena "camino"

# ORILLA_LANG=es: walk --random's line in Spanish, with plurals.
args: walk tests/data/good-small --random 3 --seed 7
env: ORILLA_LANG=es
exit: 0
stdout-contains: walk --random 3 (semilla 7): 3 recorridos,
stdout-contains: con final: 3

args: shot tests/data/player-basic --scene ana-1 --size 100000x2 -o x.png
exit: 2
stderr-contains: --size

args: shot tests/data/player-basic --scene ana-1
exit: 2
stderr-contains: -o

# an unknown scene is a usage error with a suggestion
args: shot tests/data/player-basic --scene ana-2 -o x.png
exit: 2
stderr-contains: ana-2
stderr-contains: did you mean

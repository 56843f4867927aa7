# a size that is not WIDTHxHEIGHT is a usage error
args: play --size 12x tests/data/player-basic
exit: 2
stderr-contains: --size

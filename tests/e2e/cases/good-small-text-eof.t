# No input at all (as in CI): the player stops by itself instead of waiting.
args: text tests/data/good-small
exit: 0 1
stdout-contains: You stand in the plaza at dawn.

# Random playthroughs from a seed end well too.
args: walk tests/data/good-small --random 20 --seed 7
exit: 0
output-not-contains: error:

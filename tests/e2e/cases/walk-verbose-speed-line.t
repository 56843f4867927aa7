# walk --verbose says how fast it went (scripts/bench reads this line).
args: walk tests/data/good-small --random 20 --seed 1 --verbose
exit: 0
stderr-matches: ^walk: [0-9]+ choices/s \([0-9]+\.[0-9]{3} s\)$

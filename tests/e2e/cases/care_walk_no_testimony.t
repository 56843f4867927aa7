# walk explores every path but never prints a testimony's words.
args: walk tests/data/care-story --random 20 --seed 3
exit: 0
output-not-contains: I crossed the bridge
output-not-contains: The river was high
stdout-contains: endings reached: 1 of 1

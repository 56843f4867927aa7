# Straight to the bus stop: without the map the `when` hides the second choice.
args: text tests/data/good-small --choices 2,1
exit: 0
stdout-contains: The bus is late.
stdout-not-contains: Follow the map on foot
stdout-contains: The bus finally comes. You ride north.
output-not-contains: error:

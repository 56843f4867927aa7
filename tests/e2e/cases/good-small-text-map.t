# Market (on_enter sets has_map), bus stop, then the choice shown only with the map.
args: text tests/data/good-small --choices 1,1,2
exit: 0
stdout-contains: You stand in the plaza at dawn.
stdout-contains: Orilla test data, 2025
stdout-contains: Follow the map on foot
stdout-contains: With the map, you reach the shelter before noon.
output-not-contains: error:

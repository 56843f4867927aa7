# The same path, with the choices typed on standard input.
args: text tests/data/good-small
stdin: 1
stdin: 1
stdin: 2
exit: 0
stdout-contains: With the map, you reach the shelter before noon.

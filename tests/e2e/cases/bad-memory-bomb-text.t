args: text tests/data/bad-memory-bomb --choices 1,1
exit: 1
timeout: 20
output-contains: error:
output-contains: memory

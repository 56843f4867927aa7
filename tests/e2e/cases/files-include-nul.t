# An include name with a zero byte is refused at its line, not cut (issue #21, class 6).
args: check tests/data/hostile-include-nul
exit: 1
output-contains: story.lua:4: error: include "part.lua\x00.png": the name holds a zero byte

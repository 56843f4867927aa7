# load() of a precompiled chunk written by hand ("\27Lua..."): load is not there.
args: check tests/data/bad-load-bytecode
exit: 1
output-contains: story.lua:9:
output-contains: error:
output-contains: load

# An included file that is precompiled Lua is refused, naming that file.
args: check tests/data/bad-bytecode-include
exit: 1
output-contains: chapter.lua:
output-contains: error:
output-contains: bytecode

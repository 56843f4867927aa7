# scene "b" without '{' after its name: the message points at the scene's own line (11), not
# at the line where Lua stopped (13), and says what to write.
args: check tests/data/bad-missing-brace
exit: 1
stdout-contains: story.lua:11: error: scene "b" has no '{' after its name
stdout-contains: write scene "b" { on this line
stdout-not-contains: unexpected symbol

# loops inside C functions (table.concat/sort/unpack/move over metamethods) end by the budget,
# each at its story line (issue #21, class 1)
args: walk tests/data/bad-c-loop
exit: 1
timeout: 20
output-contains: story.lua:19: error: scene "concat", on_enter: ran too many steps
output-contains: story.lua:30: error: scene "sort", on_enter: ran too many steps
output-matches: story\.lua:4[01]: error: scene "unpack", on_enter: ran too many steps

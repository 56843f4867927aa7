# Ids with DEL, a bidi override or a C1 control are errors at their line; a go target with an
# escape is shown visibly (issue #21, class 5).
args: check tests/data/hostile-term-ids
exit: 1
output-contains: story.lua:4: error: the name of this scene contains a control character
output-contains: story.lua:5: error: the name of this scene contains a control character
output-contains: story.lua:6: error: the name of this scene contains a control character
output-contains: go = "nowhere\x1b[2J"
output-contains: go = "b\x7f"

# `set` and `action` (from other tools) point to on_enter; an unknown field lists every field
# the scene can have, none cut off with "...".
args: check tests/data/bad-author-fields
exit: 1
stdout-contains: story.lua:16: error: scene "a": a scene has no field 'set'; to change what the story remembers, write on_enter = function(s)
stdout-contains: story.lua:17: error: scene "a", choice 1: a choice has no field 'action'; to change what the story remembers when this choice is taken, give the scene it goes to on_enter
stdout-contains: story.lua:23: error: scene "b": a scene has no field 'colour' (it can have: text, title, background, panorama, look, layers, camera, testimony, fact, music, warnings, skip_to, skip_text, on_enter, choices, ending)
stdout-not-contains: ...)

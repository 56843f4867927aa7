# text == "..." in a scene: Lua reads a comparison (true or false) as a list item; named at its line.
args: check tests/data/beginner-eqeq-field
exit: 1
stdout-contains: story.lua:19: error: '==' compares two values (in a 'when' or an 'if'); to give a field its value, write a single '='
stdout-not-contains: an item without a name

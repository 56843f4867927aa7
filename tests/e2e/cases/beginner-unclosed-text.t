# A text without its closing quote: named at line 27, in the author's words.
args: check tests/data/beginner-unclosed-text
exit: 1
stdout-contains: story.lua:27: error: this text has no closing quote "
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

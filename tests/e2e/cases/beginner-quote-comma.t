# A quote inside a text whose words have a comma: named at line 34, in the author's words.
args: check tests/data/beginner-quote-comma
exit: 1
stdout-contains: story.lua:34: error: a quote mark " inside a text ends the text early (here, just before Vente)
stdout-contains: 1 error,
stdout-contains: the rest of story.lua was not read

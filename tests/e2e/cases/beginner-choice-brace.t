# A one-line choice without its closing }: named at line 22, in the author's words.
args: check tests/data/beginner-choice-brace
exit: 1
stdout-contains: story.lua:22: error: the choice (or list item) that starts here (line 22) is not closed
stdout-contains: 1 error,

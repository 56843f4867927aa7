# A field without its =: named at line 19, in the author's words.
args: check tests/data/beginner-no-equals
exit: 1
stdout-contains: story.lua:19: error: after text an '=' is missing: write text = "..."
stdout-contains: 1 error,

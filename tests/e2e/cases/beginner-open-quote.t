# A text without its opening quote: named at line 19, in the author's words.
args: check tests/data/beginner-open-quote
exit: 1
stdout-contains: story.lua:19: error: this text has no opening quote
stdout-contains: 1 error,

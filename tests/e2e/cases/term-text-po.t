# A translation with \033 in its words: shown visibly.
args: text tests/data/hostile-term --lang fr --choices 1
exit: 0
stdout-contains: Place \x1b[31mrouge\x1b[0m

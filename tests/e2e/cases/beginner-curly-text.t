# The story with curly quotes plays with its text whole (no quote marks, no spaces added).
args: text tests/data/beginner-curly --choices 2
exit: 0
stdout-matches: ^Esperas\.$

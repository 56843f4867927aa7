# walk --all reaches every scene and both endings (one only through a `when` that
# depends on state set by an on_enter).
args: walk tests/data/good-small --all
exit: 0
stdout-contains: end-bus
stdout-contains: end-walk
output-not-contains: error:

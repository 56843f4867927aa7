# The demo story is always clean.
args: check stories/el-cruce
exit: 0
output-not-contains: error:

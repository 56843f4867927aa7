# The screen audit on the short demo story: nothing to report.
args: check stories/el-cruce --screens --verbose
exit: 0
timeout: 60
stderr-contains: 0 findings
stdout-not-contains: error:

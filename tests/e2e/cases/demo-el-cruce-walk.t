args: walk stories/el-cruce --all
exit: 0
output-not-contains: error:

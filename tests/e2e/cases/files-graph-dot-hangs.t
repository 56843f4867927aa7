# graph -o x.svg waited on Graphviz without a limit: a dot that never ends is stopped after
# 8 seconds, its message shown cleaned, and nothing is written (issue #21, class 6).
setup: sh tests/e2e/fake_dot.sh
env: PATH=.:/usr/local/bin:/usr/bin:/bin
args: graph tests/data/good-small -o x.svg
timeout: 20
exit: 2
output-contains: Graphviz took more than 8 seconds
output-contains: dot: \x1b[31mthinking

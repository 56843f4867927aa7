# graph -o x.svg through Graphviz: the same rule.
setup: mkfifo x.svg
args: graph tests/data/good-small -o x.svg
exit: 2
output-contains: will not write x.svg: it is a pipe

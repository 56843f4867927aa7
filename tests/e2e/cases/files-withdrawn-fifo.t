# --withdrawn naming a FIFO blocked in open for ever: refused at once.
setup: mkfifo list.txt
args: text tests/data/good-small --withdrawn list.txt
exit: 2
output-contains: it is a pipe

# shot -o naming a FIFO: refused (the PNG writer would block on it, or write into a device).
setup: mkfifo x.png
args: shot tests/data/good-small --scene plaza -o x.png
exit: 2
output-contains: cannot write x.png: it is a pipe (FIFO)

# orilla import twee of a FIFO: refused.
setup: mkfifo story.twee
args: import twee story.twee -o out
exit: 2
output-contains: not a plain file

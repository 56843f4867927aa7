# kiosk --headless --events naming a FIFO: refused.
setup: mkfifo e.script
args: kiosk --headless --events e.script tests/data/good-small
exit: 2
output-contains: e.script: error: cannot be read (a pipe

# A kiosk config that is a FIFO: refused, not waited on.
setup: mkfifo kiosk.lua
args: kiosk --check --config kiosk.lua tests/data/good-small
exit: 2
output-contains: cannot read the kiosk config: a pipe

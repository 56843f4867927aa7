# -o naming a device: refused, for every command that writes through -o.
args: strings tests/data/good-small -o /dev/null
exit: 2
output-contains: will not write /dev/null: it is a device

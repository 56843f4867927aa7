# --key /dev/zero: not a key file.
args: verify tests/data/good-small --key /dev/zero
exit: 2
output-contains: /dev/zero: cannot read the key: a device

# --withdrawn /dev/zero hung (the line limit flagged but kept reading): a device is refused.
args: consent tests/data/care-consent --withdrawn /dev/zero
exit: 2
output-contains: /dev/zero: error: cannot read the withdrawal list: it is a device

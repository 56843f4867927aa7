# A withdrawal list that is named but cannot be read: refused.
args: consent tests/data/care-story --withdrawn tests/data/care-withdrawn/no-such-list.txt
exit: 2
stderr-contains: no-such-list.txt: error: cannot read the withdrawal list

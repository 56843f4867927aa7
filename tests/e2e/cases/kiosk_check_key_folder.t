# with a key, a story folder cannot be verified: it is left out (and the reason given)
args: kiosk --config tests/data/kiosk/signed-only.lua --check
exit: 1
stdout-contains: left out:
stdout-contains: a story folder cannot be checked against the key
stdout-contains: the kiosk would show "out of order"

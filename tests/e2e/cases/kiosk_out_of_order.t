# no story can be shown: "out of order" in every language, touches do nothing, the operator
# can still get in (and sees why under Problems)
args: kiosk --config tests/data/kiosk/missing.lua --headless --script tests/data/kiosk/out-of-order.script
exit: 0
timeout: 30
stderr-contains: left out
stdout-contains: kiosk: stopped on operator
stderr-not-contains: out-of-order.script:

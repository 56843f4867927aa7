# a typo in kiosk.lua: file:line, did-you-mean, and the kiosk does not start (exit 1)
args: kiosk --config tests/data/kiosk/bad-typo.lua --headless --script tests/data/kiosk/tour.script
exit: 1
stderr-matches: bad-typo\.lua:4: error: 'idle_second' is not a kiosk setting; did you mean 'idle_seconds'\?
stderr-matches: bad-typo\.lua:5: error: 'show_others' should be true or false without quotes
stderr-matches: bad-typo\.lua:6: error: deployment is "kiosk" or "exhibition", not "kiosko"; did you mean "kiosk"\?
stderr-contains: orilla kiosk --example-config

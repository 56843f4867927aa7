# Headless inputs act as a person: a button scrolled out of sight, and a point outside the
# screen, cannot be touched; the script says why and the run fails.
args: kiosk --config tests/data/screens-kiosk/kiosk.lua --headless --script tests/data/screens-kiosk/scrolled-away.script --size 1920x1080
exit: 1
timeout: 60
stderr-contains: scrolled-away.script:9: the button "Elección número 12" cannot be touched: it is scrolled out of sight
stderr-contains: scrolled-away.script:10: tap 2500 300 is off the screen

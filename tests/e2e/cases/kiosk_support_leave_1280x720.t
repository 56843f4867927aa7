# A kiosk visitor leaves the support screen by touch at 1280x720: reached after an ending, its
# 10 organisations taller than the screen, Continue stays on screen (tap-label only touches
# what a person could), and leads to the credits.
args: kiosk --config tests/data/screens-kiosk/kiosk.lua --headless --script tests/data/screens-kiosk/support.script --size 1280x720
exit: 0
timeout: 60
creates: care.png
stdout-contains: care.png: story:care
stdout-contains: kiosk: stopped on story:credits
stderr-not-contains: support.script:

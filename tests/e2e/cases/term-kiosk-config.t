# A kiosk config whose setting name and value hold terminal escapes: its errors show them
# visibly (issue #21, class 5).
args: kiosk --check --config tests/data/kiosk/bad-escape.lua
exit: 1 2
output-contains: 'bund\x1b[2Jles' is not a kiosk setting
output-contains: not "\x1b]0;owned\x07"

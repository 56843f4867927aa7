# orilla kiosk --check: what the kiosk would show, without a screen
args: kiosk --config tests/data/kiosk/kiosk.lua --check
exit: 0
stdout-contains: "tres-caminos" 1.0.0 (es, en, fr, ar)
stdout-contains: "player-basic" 1.0.0 (es, en, ar)
stdout-contains: 2 stories to show, 0 left out

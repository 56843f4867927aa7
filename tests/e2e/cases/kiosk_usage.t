# orilla kiosk with no story: a usage error that says what to give
args: kiosk --headless --script tests/data/kiosk/tour.script
exit: 2
stderr-contains: which stories? give PATHs, or bundles = { ... } in --config kiosk.lua

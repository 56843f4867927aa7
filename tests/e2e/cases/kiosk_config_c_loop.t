# a loop inside table.concat in kiosk.lua is stopped (it hung `kiosk --check` for ever)
args: kiosk --config tests/data/kiosk/bad-c-loop.lua --check
exit: 1
timeout: 10
stderr-matches: bad-c-loop\.lua:4: error: kiosk\.lua stopped: ran too

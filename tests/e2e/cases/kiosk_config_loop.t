# an endless loop in kiosk.lua is stopped by the sandbox's budget, quickly
args: kiosk --config tests/data/kiosk/bad-loop.lua --check
exit: 1
timeout: 10
stderr-matches: bad-loop\.lua:[0-9]+: error: kiosk\.lua stopped: ran too many steps

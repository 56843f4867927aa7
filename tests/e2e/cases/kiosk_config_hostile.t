# kiosk.lua runs in the sandbox: os.execute is not there, and says so
args: kiosk --config tests/data/kiosk/bad-hostile.lua --check
exit: 1
stderr-matches: bad-hostile\.lua:3: error: kiosk\.lua stopped: .*'execute'.*runs in a sandbox
output-not-contains: pwned

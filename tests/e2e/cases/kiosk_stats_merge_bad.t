# not a database among the inputs: `FILE: error: ...`, exit 2, no output
args: stats merge tests/data/kiosk/merge-k1.db tests/data/kiosk/kiosk.lua -o all.db
exit: 2
stderr-matches: kiosk\.lua: error: cannot be read as a statistics database

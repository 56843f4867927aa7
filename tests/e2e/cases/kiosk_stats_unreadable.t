# not a database: exit 2, and nothing written beside it
args: stats --db tests/data/kiosk/kiosk.lua
exit: 2
stderr-contains: cannot be read as a statistics database

# the machine's clock jumps back a day in the middle of a session (an NTP fix): the session's
# end is counted on the day it began; the next sessions on the corrected day; nothing breaks
args: kiosk --config tests/data/kiosk/kiosk.lua --headless --events tests/data/kiosk/clock.events --stats stats.db --size 320x180
exit: 0
timeout: 60
creates: stats.db
stdout-contains: started,player-basic,1.0.0,2026-03-05,,,,,1
stdout-contains: finished,player-basic,1.0.0,2026-03-05,,,,,1
stdout-contains: started,player-basic,1.0.0,2026-03-04,,,,,1
stdout-contains: abandoned,player-basic,1.0.0,2026-03-04,,,,,1
stdout-contains: finished,player-basic,1.0.0,2026-03-04,,,,,0
stdout-contains: stats: 2 sessions started, 1 finished, 1 left

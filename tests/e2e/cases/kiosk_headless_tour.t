# The kiosk, headless, driven by a script: attract -> language -> stories -> a story to its
# ending -> a visitor who walks away (idle reset) -> operator PIN wrong then right -> SIGTERM.
# Escape, Alt+F4 and the window's close do nothing. Statistics are recorded (only counts).
args: kiosk --config tests/data/kiosk/kiosk.lua --headless --script tests/data/kiosk/tour.script --stats stats.db --log kiosk.log --size 960x540
env: ORILLA_TODAY=2026-03-01
exit: 0
timeout: 60
creates: stats.db
creates: kiosk.log
creates: attract.png
creates: language.png
creates: stories.png
creates: scene.png
creates: title-ar.png
creates: still-there.png
creates: operator.png
stdout-contains: kind,story,version,day,scene,choice,target,lang,count
stdout-contains: started,player-basic,1.0.0,2026-03-01,,,,,1
stdout-contains: finished,player-basic,1.0.0,2026-03-01,,,,,1
stdout-contains: abandoned,tres-caminos,1.0.0,2026-03-01,,,,,1
stdout-contains: choice,player-basic,1.0.0,,choose,1,ana-1,,1
stdout-contains: ending,player-basic,1.0.0,,ana-end,,,,1
stdout-contains: language,tres-caminos,1.0.0,,,,,ar,1
stdout-contains: kiosk: stopped on attract (SIGTERM)
stdout-contains: stats: 2 sessions started, 1 finished, 1 left
stderr-not-contains: tour.script:

# the same story played headless through its content note, its 40th choice and its ending
args: play --headless --choices 40 --size 640x360 --screenshot end.png tests/data/player-hostile
exit: 0
timeout: 60
stdout-contains: scene end (the end)
creates: end.png

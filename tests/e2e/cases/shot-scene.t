# shot draws one scene headless into a PNG
args: shot tests/data/player-basic --scene ana-1 --size 640x360 --time 2.5 -o ana.png
exit: 0
creates: ana.png

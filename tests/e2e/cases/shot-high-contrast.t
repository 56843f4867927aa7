# shot with the accessibility settings on draws the scene into a PNG
args: shot tests/data/player-basic --scene ana-1 --size 640x360 --time 2.5 --high-contrast --reduce-motion -o hc.png
exit: 0
creates: hc.png

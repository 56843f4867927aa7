# --look on a scene that is not a panorama: drawn anyway, with a note
args: shot tests/data/player-basic --scene ana-1 --size 640x360 --look 45,-10 -o ana.png
exit: 0
creates: ana.png
stderr-contains: --look

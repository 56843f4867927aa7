# --look turns a panorama before the shot
args: shot tests/data/player-basic --scene camp --size 640x360 --look 45,-10,80 -o camp.png
exit: 0
creates: camp.png
stderr-not-contains: --look

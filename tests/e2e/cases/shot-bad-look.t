# --look wants yaw,pitch[,fov]: anything else is a usage error
args: shot tests/data/player-basic --scene camp --look 30,abc -o x.png
exit: 2
stderr-contains: --look

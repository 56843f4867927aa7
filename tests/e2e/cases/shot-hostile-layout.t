# a scene with a 48 KB text, 40 long choices and words longer than a line: drawn, not a crash
args: shot tests/data/player-hostile --scene big --size 640x360 -o big.png
exit: 0
timeout: 60
creates: big.png

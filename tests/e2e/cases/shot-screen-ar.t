# the title screen in Arabic (right to left), with the settings open
args: shot tests/data/player-basic --screen title --lang ar --settings --size 480x270 -o title.png
exit: 0
creates: title.png

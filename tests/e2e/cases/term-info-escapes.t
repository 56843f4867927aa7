# orilla info on a folder: the title with an OSC (window title) sequence, visibly.
args: info tests/data/hostile-term
exit: 0
stdout-contains: title:       Title \x1b]0;window title\x07 \x1b[31mred\x1b[0m

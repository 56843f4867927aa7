# play with no display says so in the author's language, and what to do instead.
args: play tests/data/good-small --lang es
exit: 2
stderr-contains: orilla play: no hay pantalla donde abrir una ventana
stderr-contains: Para jugar en esta terminal:    orilla text

# The same in Spanish, from --lang es on the mistyped command's line.
args: chek tests/data/good-small --lang es
exit: 2
stderr-contains: orilla: no existe el comando 'chek'; ¿quisiste decir 'orilla check'?

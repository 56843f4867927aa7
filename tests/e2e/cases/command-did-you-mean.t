# A mistyped command gets the nearest one.
args: chek tests/data/good-small
exit: 2
stderr-contains: orilla: there is no command 'chek'; did you mean 'orilla check'?

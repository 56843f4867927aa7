# --hash-pin with more than two lines piped (a file of PINs, a paste gone wrong): refused
args: kiosk --hash-pin
stdin: 2468
stdin: 2468
stdin: 1357
exit: 2
stderr-contains: more than two lines
stdout-not-contains: argon2

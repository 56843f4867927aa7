# a PIN is 4 to 12 digits: anything else is refused and nothing is printed on stdout
args: kiosk --hash-pin
stdin: 12ab
stdin: 12ab
exit: 2
stderr-contains: a PIN is 4 to 12 digits
stdout-not-contains: argon2

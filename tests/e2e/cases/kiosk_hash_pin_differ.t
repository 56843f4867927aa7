# --hash-pin with two different lines piped: nothing is made
args: kiosk --hash-pin
stdin: 2468
stdin: 2469
exit: 2
stderr-contains: the two PINs differ
stdout-not-contains: argon2

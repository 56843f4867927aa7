# --hash-pin with the PIN piped once, in Spanish (ORILLA_LANG=es): nothing is made
args: kiosk --hash-pin
env: ORILLA_LANG=es
stdin: 2468
exit: 2
stderr-contains: lo necesita dos veces
stdout-not-contains: argon2
output-not-contains: 2468

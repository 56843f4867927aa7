# orilla kiosk --hash-pin reads a PIN twice on standard input (two equal lines when piped)
# and prints its libsodium crypto_pwhash_str hash (Argon2id) to paste in kiosk.lua; the PIN
# itself is never printed
args: kiosk --hash-pin
stdin: 2468
stdin: 2468
exit: 0
stdout-matches: ^\$argon2id\$v=19\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$
stderr-contains: pin_hash = "$argon2id$
output-not-contains: 2468

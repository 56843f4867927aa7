# --hash-pin with the PIN piped once: it needs it twice (a typo typed once would lock the
# operator out), so nothing is made
args: kiosk --hash-pin
stdin: 2468
exit: 2
stderr-contains: needs it twice
stdout-not-contains: argon2
output-not-contains: 2468

# ORILLA_LANG=es picks the Spanish help page as --lang es does.
args: help kiosk
env: ORILLA_LANG=es
exit: 0
stdout-contains: uso: orilla kiosk
stdout-contains: pantalla
stdout-not-contains: usage:

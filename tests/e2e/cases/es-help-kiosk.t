# `orilla help kiosk --lang es` prints the kiosk's help in Spanish (issue #18, item 1): the
# exhibition technicians read it, so the page is the Spanish one, not the English usage.
args: help kiosk --lang es
exit: 0
stdout-contains: uso: orilla kiosk
stdout-contains: menú del operador
stdout-contains: --soak
stdout-not-contains: usage:
stdout-not-contains: operator menu

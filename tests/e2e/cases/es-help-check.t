# orilla help in Spanish.
args: help check --lang es
exit: 0
stdout-contains: uso: orilla check RUTA
stdout-contains: primero los errores

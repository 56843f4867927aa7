# The command list in Spanish (ORILLA_LANG=es).
args: help
env: ORILLA_LANG=es
exit: 0
stdout-contains: comandos:
stdout-contains: encontrar todos los problemas de una historia

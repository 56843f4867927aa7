# --lang es is accepted by every command ("no existe la opción --lang" before): walk speaks Spanish.
args: walk tests/data/good-small --all --lang es
exit: 0
stdout-contains: escenas alcanzadas: 5 de 5
stderr-not-contains: --lang

# ORILLA_LANG=es: a --choices number that is not on the screen is told in Spanish (exit 2).
args: text tests/data/good-small --choices 9
env: ORILLA_LANG=es
exit: 2
stderr-contains: orilla text: --choices: '9' no es una de las opciones de aquí (de 1 a
stderr-not-contains: is not one of the choices

# ORILLA_LANG=es: usage errors in Spanish.
args: walk
env: ORILLA_LANG=es
exit: 2
stderr-contains: orilla walk: ¿qué historia? indica una carpeta de historia o un archivo .orilla
stderr-contains: (mira 'orilla help walk')

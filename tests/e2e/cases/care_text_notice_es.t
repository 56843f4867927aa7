# The notice is in the reader's language.
args: text tests/data/care-story --lang es --choices 2,1
env: ORILLA_TODAY=2031-01-10
exit: 0
stdout-contains: Aquí había un testimonio.
stdout-contains: (Escribe s en cualquier elección para ver con quién puedes hablar.)
stdout-not-contains: The river was high

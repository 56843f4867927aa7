# The same warning in Spanish: one per passage, naming the macros Orilla cannot run.
args: import twee tests/data/twee/unconvertible.twee -o viaje --lang es
env: ORILLA_LANG=es
exit: 0
creates: viaje
creates: viaje/story.lua
output-contains: unconvertible.twee:7: aviso: pasaje "Inicio": Orilla no puede ejecutar <<audio>>, <<for>>, <<script>>;
stdout-contains: formato de la historia: SugarCube; idioma: es

# What the importer cannot convert is one warning per passage, at the passage's line, naming
# each macro once (three <<audio>>s: one name), not one warning per fragment; the rest of the
# passage (its <<set>>, <<print>>, <<if>>) is converted; Spanish is guessed as the language.
args: import twee tests/data/twee/unconvertible.twee -o viaje
exit: 0
creates: viaje
creates: viaje/story.lua
output-contains: unconvertible.twee:7: warning: passage "Inicio": Orilla cannot run <<audio>>, <<for>>, <<script>>;
output-contains: unconvertible.twee:15: warning: passage "Espera": Orilla cannot run <<timed>>; what it does is left out
stdout-contains: 2 warnings above
stdout-contains: story format: SugarCube; language: es (guessed from its words
output-not-contains: <<set
output-not-contains: <<print

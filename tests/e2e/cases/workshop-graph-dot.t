# graph writes DOT: endings double octagons, conditional choices dashed, the unreachable scene
# red, labels escaped; a testimony by its narrator's name, never its words when consent does
# not cover the workshop.
args: graph tests/data/graph-story
exit: 0
stdout-contains: digraph "graph-story" {
stdout-contains: label="El \"mapa\" \\ de todo"
stdout-contains: "s:c" [label="c\n\nFin.", shape=doubleoctagon
stdout-contains: style=dashed
stdout-matches: "s:sola" .*#c62828
stdout-contains: Testimony of Luis
stdout-contains: consent does not cover the workshop
stdout-not-contains: PALABRAS-PRIVADAS
stdout-contains: Dijo: \"ven\" y una barra \\

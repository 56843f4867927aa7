# The labels in French and English too (no translation of the story: its words stay Spanish).
args: text tests/data/kinds-story --lang fr --choices 1,1,1,1,1,1,1,1
stdout-contains: Témoignage de Tomás (composé à partir de plusieurs récits réels):
stdout-contains: Un témoignage recréé à partir de récits réels se trouvait ici.

# [[ ... ]] paragraphs, as the guide teaches: no error, both paragraphs shown, quotes kept.
args: text tests/data/paragraphs
exit: 0
stdout-matches: ^Llegas a Cúcuta de noche\.$
stdout-matches: ^Una mujer te dice: "Vente, aquí hay un colchón"\.$

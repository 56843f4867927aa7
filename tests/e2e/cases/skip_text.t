# skip_text: a skipped testimony leaves its short text in its place.
args: text tests/data/kinds-story --choices 1,2,1,2
stdout-contains: Tomás esperó dos días en la fila.
stdout-not-contains: Éramos muchos

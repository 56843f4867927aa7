# Without -o the template goes to stdout: references, translator notes, testimonies marked,
# multi-line texts split after \n, texts that functions return, one entry for a repeated text.
args: strings tests/data/workshop-translated
exit: 0
stdout-contains: charset=UTF-8
stdout-contains: #. testimony of Ana: handle with care
stdout-contains: msgid "Crucé de noche, con \"miedo\" y sin mirar atrás."
stdout-contains: "Es de noche.\n"
stdout-contains: #: story.lua:35 story.lua:47
stdout-contains: msgid "Otra vez."
stdout-contains: #. scene "espera": one of the texts its code chooses
stdout-not-contains: msgid "la-frontera"

# check --lang es: testimony did-you-mean, set/action and the list of fields in Spanish.
args: check tests/data/bad-author-fields --lang es
exit: 1
stdout-contains: ¿quisiste decir "ana-relato"?
stdout-contains: una escena no tiene el campo 'set'; para cambiar lo que la historia recuerda, escribe on_enter
stdout-contains: (los campos posibles son: text, title, background, panorama, look, layers, camera, testimony, fact, music, warnings, skip_to, skip_text, on_enter, choices, ending)

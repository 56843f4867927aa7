# check --lang es with nothing to mend: the summary in Spanish, singular and plural right.
args: check tests/data/twine-like-text --lang es
exit: 0
stdout-contains: no se encontró ningún problema (1 escena, 1 final, 0 testimonios)

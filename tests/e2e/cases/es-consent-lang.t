# consent, pack's neighbours and the others take --lang too.
args: info tests/data/good-small --lang=es
exit: 0
stderr-not-contains: unknown option

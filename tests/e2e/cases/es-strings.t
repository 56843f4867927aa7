# ORILLA_LANG=es: strings says where it wrote the template, and what next, in Spanish.
args: strings tests/data/workshop-translated -o story.pot
env: ORILLA_LANG=es
exit: 0
creates: story.pot
stderr-contains: orilla strings: se escribió story.pot; ábrelo en Poedit (Archivo > Nueva desde archivo POT/PO)

# orilla strings writes a POT template (UTF-8 header, one entry per text) to the file named.
args: strings tests/data/workshop-translated -o story.pot
exit: 0
creates: story.pot
stderr-contains: wrote story.pot
stderr-contains: Poedit

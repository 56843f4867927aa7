# A UTF-8 byte order mark (Notepad saves one) is ignored: the story has no problem.
args: check tests/data/beginner-bom
exit: 0
stdout-contains: no problems found

args: --version
exit: 0
stdout-matches: ^orilla [0-9]+\.[0-9]+

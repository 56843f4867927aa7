# orilla new without a name says what to write.
args: new
exit: 2
output-contains: orilla new mi-historia

# Latin-1 bytes in a UTF-8 story: the file and line of the bad text.
args: check tests/data/bad-utf8
exit: 1
output-contains: story.lua:10:
output-contains: error:
output-contains: UTF-8

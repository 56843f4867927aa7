# A hostile zip made at test time (tests/e2e/make_zip.py overlap): refused before anything
# is read, with a message (issue #21, class 2: one view of the archive).
setup: python3 tests/e2e/make_zip.py overlap x.orilla
args: info x.orilla
exit: 2
output-contains: "copy.bin" overlaps another file

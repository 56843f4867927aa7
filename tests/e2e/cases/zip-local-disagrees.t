# A hostile zip made at test time (tests/e2e/make_zip.py local-disagrees): refused before anything
# is read, with a message (issue #21, class 2: one view of the archive).
setup: python3 tests/e2e/make_zip.py local-disagrees x.orilla
args: check x.orilla
exit: 2
output-contains: in its own header that disagree with the table of contents

# A hostile zip made at test time (tests/e2e/make_zip.py gap): refused before anything
# is read, with a message (issue #21, class 2: one view of the archive).
setup: python3 tests/e2e/make_zip.py gap x.orilla
args: verify x.orilla
exit: 2
output-contains: there are bytes before "b.txt" that belong to no file

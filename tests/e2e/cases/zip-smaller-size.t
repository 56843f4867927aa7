# A hostile zip made at test time (tests/e2e/make_zip.py smaller-size): refused before anything
# is read, with a message (issue #21, class 2: one view of the archive).
setup: python3 tests/e2e/make_zip.py smaller-size x.orilla
args: check x.orilla
exit: 1
output-contains: story.lua: error: cannot read: damaged in the bundle

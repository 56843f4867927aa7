# The generator's plain zip (one story.lua, no manifest) is read: the strict reading refuses
# only what it must.
setup: python3 tests/e2e/make_zip.py good x.orilla
args: check x.orilla
exit: 0
output-contains: no problems found

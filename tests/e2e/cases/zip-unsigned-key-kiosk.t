# kiosk --check with a key and an unsigned bundle: left out before any file is hashed (its
# 200 MiB file took 12 s to hash on a busy machine before; issue #21, class 2).
setup: python3 tests/e2e/make_zip.py unsigned-big x.orilla
setup: cp tests/data/kiosk/test.pub test.pub
args: kiosk --check --config kiosk.lua
exit: 1
output-contains: not signed
output-contains: 1 left out

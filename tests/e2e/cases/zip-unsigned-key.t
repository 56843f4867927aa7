# With --key, an unsigned bundle is refused before any file is hashed (its 200 MiB file took
# 3.8 s to hash before; issue #21, class 2).
setup: python3 tests/e2e/make_zip.py unsigned-big x.orilla
args: verify x.orilla --key tests/data/kiosk/test.pub
exit: 1
output-contains: not signed, but a signature by key
output-not-contains: big.bin

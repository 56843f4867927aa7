# The issue's two-directory zip given to the kiosk's check: refused at once, nothing hashed.
setup: python3 tests/e2e/make_zip.py two-directories x.orilla
args: kiosk --check x.orilla
exit: 1 2
output-contains: damaged bundle

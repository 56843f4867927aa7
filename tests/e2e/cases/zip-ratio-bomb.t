# Eight files of 255 MiB of zeros in a 2 MB zip: within the file and bundle caps, but verify
# inflated and hashed 2 GB (52 s here). More than 100 times the zip's size is refused.
setup: python3 tests/e2e/make_zip.py ratio-bomb x.orilla
args: verify x.orilla
exit: 2
output-contains: (more than 100 times its size): a zip bomb

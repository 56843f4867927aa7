# a story that fails while it is played: the visitor gets a calm message and the attract
# loop; the session counts as left; the kiosk goes on
args: kiosk tests/data/kiosk-broken --headless --script tests/data/kiosk/broken.script --stats stats.db --log kiosk.log
exit: 0
timeout: 30
creates: stats.db
creates: kiosk.log
stdout-contains: stats: 1 session started, 0 finished, 1 left
stderr-not-contains: broken.script:

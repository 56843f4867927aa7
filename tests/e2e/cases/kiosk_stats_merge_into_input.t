# -o may not be one of the files merged: refused, nothing written
args: stats merge tests/data/kiosk/merge-k2.db tests/data/kiosk/merge-k1.db -o tests/data/kiosk/merge-k1.db
exit: 2
stderr-matches: merge-k1\.db: error: is one of the files to merge

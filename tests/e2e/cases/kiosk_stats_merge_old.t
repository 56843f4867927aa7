# a file written before statistics files had an identity cannot be merged safely: refused,
# with what to do; no output is left behind
args: stats merge tests/data/kiosk/merge-k1.db tests/data/kiosk/stats-sample.db -o all.db
exit: 2
stderr-matches: stats-sample\.db: error: has no identity: it was written by an older Orilla

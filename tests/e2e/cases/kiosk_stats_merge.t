# orilla stats merge: two kiosks, one of them given twice and with an older copy too; each
# kiosk is counted once, with its newest copy (11 + 9 sessions begun, not 5 + 11 + 11 + 9)
args: stats merge tests/data/kiosk/merge-k1-old.db tests/data/kiosk/merge-k1.db tests/data/kiosk/merge-k2.db tests/data/kiosk/merge-k1.db -o all.db
exit: 0
creates: all.db
stdout-contains: all.db: 2 sources (2 copies left out), 20 sessions begun, 18 finished, 2 left
stdout-matches: ^left out 1a1a1a1a1a1a  5 started, 4 finished, 1 left  from .*merge-k1-old\.db \(an older copy\)$
stdout-matches: ^kept     2b2b2b2b2b2b  9 started, 9 finished, 0 left  from .*merge-k2\.db$
stderr-not-contains: warning

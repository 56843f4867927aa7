# merge needs -o
args: stats merge tests/data/kiosk/merge-k1.db
exit: 2
stderr-contains: orilla stats: where to? give -o FILE

# orilla stats --min-sessions changes what the text report shows: at 25, marisol-1 (20
# sessions) is held back whole, with no share and no id; inicio (42) still shows
args: stats --db tests/data/kiosk/stats-sample.db --story tres-caminos --min-sessions 25
exit: 0
stdout-matches: inicio +42 +1 +20 +48%  marisol-1
stdout-not-contains: marisol-1        20
stdout-not-contains: marisol-2
stdout-contains: 1 more decision held back: fewer than 25 sessions passed through it

# orilla stats: the small-count rule in the text report and the CSV too (not only in the SVG
# and on screen): at the default 20, marisol-1 (20 sessions) shows, the endings (12, 9, 8)
# and marisol-2/3 are held back whole, ids included; only how many is said
args: stats --db tests/data/kiosk/stats-sample.db --csv
exit: 0
stdout-contains: choice,tres-caminos,1.0.0,,marisol-1,1,marisol-2,,15
stdout-not-contains: ending,tres-caminos,1.0.0,,marisol-fin
stdout-not-contains: marisol-fin
stdout-contains: held-back-endings,tres-caminos,1.0.0,,,,,,3

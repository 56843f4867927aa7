# orilla stats: a readable table per story; --story keeps one
args: stats --db tests/data/kiosk/stats-sample.db --story tres-caminos --min-sessions 5
exit: 0
stdout-contains: tres-caminos  version 1.0.0
stdout-contains: sessions: 42 started, 29 finished, 13 left before an ending (2 days, 2026-03-01 to 2026-03-02)
stdout-contains: languages: es 25, ar 10, en 7
stdout-matches: inicio +42 +1 +20 +48%  marisol-1
stdout-contains: endings reached:
stdout-not-contains: HYPERLINK

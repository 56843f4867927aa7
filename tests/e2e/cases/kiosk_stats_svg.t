# orilla stats --svg: a chart for a report; the small-count rule hides shares where fewer
# sessions passed (marisol-1: 20 < 25); hostile ids are escaped
args: stats --db tests/data/kiosk/stats-sample.db --svg chart.svg --min-sessions 25
exit: 0
creates: chart.svg

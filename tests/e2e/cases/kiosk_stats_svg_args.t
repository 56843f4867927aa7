# --svg and --csv together, or a threshold under the kiosk's floor of 5: usage errors
args: stats --db tests/data/kiosk/stats-sample.db --svg chart.svg --min-sessions 2
exit: 2
stderr-contains: --min-sessions wants a whole number from 5

# orilla stats --story PATH with a story that does not load: its problems, exit 2, no report
args: stats --db tests/data/kiosk/stats-sample.db --story tests/data/bad-syntax
exit: 1 2
output-contains: story.lua
stdout-not-contains: sessions:

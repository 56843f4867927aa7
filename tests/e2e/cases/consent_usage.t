# --date must be a real day.
args: consent tests/data/care-story --date 2025-02-30
exit: 2
stderr-contains: --date is a day written YYYY-MM-DD

# A withdrawal naming a testimony the story does not have (a typo) withdraws nothing: a
# warning with a did-you-mean, and exit 1.
args: consent tests/data/care-story --withdrawn tests/data/care-withdrawn/typo.txt --date 2026-01-10
exit: 1
output-matches: care-withdrawn/typo\.txt:1: warning: story "care-story" has no testimony "ana-brige".*did you mean "ana-bridge"\?

# A withdrawal list with lines Orilla cannot read is refused, each as file:line.
args: consent tests/data/care-story --withdrawn tests/data/care-withdrawn/malformed.txt
exit: 2
stderr-matches: care-withdrawn/malformed\.txt:3: error: "ana-bridge" has no '/'
stderr-matches: care-withdrawn/malformed\.txt:4: error: .*more than one '/'
stderr-contains: mend it so every withdrawal is honoured
stdout-not-contains: shown

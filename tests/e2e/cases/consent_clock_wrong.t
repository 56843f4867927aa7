# A clock before the story was made (before its latest recording) hides every testimony.
args: consent tests/data/care-story --date 2025-03-03
exit: 0
stdout-matches: ^ana-bridge .* hidden: the clock reads before the story was made \(set the date\) +-$
stdout-matches: ^luis-river .* hidden: the clock reads before this was recorded \(set the date\) +-$
stdout-contains: this computer's clock is wrong
stdout-contains: 0 shown, 2 hidden

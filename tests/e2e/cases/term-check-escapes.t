# A story whose texts, title, narrator and print() hold terminal escapes: check prints each
# visibly (\x1b...), never raw (run_case.sh fails any raw control character), and print()
# goes to its own labelled channel, so "no problems found" cannot be forged (issue #21, class 5).
# (--verbose: the untranslated texts, which quote the title and the narrator, are listed)
args: check tests/data/hostile-term --verbose
exit: 0
output-contains: story.lua:4: print: no problems found
output-contains: print: \x1b[8mthe rest is hidden\r\nstory.lua:1: forged line
output-contains: "Title \x1b]0;window title\x07 \x1b[31mred\x1b[0m"
output-contains: \u{202e}override

# A quote mark inside a text ends the text early: the message says so at the line, names the
# word after the stray quote, and says how to mend it (\" or other quotes), instead of Lua's
# misleading "'}' expected".
args: check tests/data/bad-stray-quote
exit: 1
stdout-contains: story.lua:6: error: a quote mark " inside a text ends the text early (here, just before no)
stdout-contains: write each quote inside a text as \"
stdout-not-contains: '}' expected

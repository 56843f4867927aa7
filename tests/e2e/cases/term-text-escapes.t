# orilla text on a story full of escapes: the title, texts, fact, choices, narrator name and
# testimony are shown with every control visible.
args: text tests/data/hostile-term --choices 2,1
exit: 0
stdout-contains: Title \x1b]0;window title\x07 \x1b[31mred\x1b[0m
stdout-contains: Plaza \x1b[2J\x1b[H cleared \u{9b}31m c1 \u{202e}desrever\u{202c} \x7f del
stdout-contains: Testimony of Ana \x1b[31mred\x1b[0m \u{202e}override
stdout-contains: I crossed \x1b[2J the bridge.
stdout-contains: The end \x1b[?1049h alternate screen
stderr-contains: story.lua:4: print: no problems found

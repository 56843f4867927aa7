-- Terminal escapes everywhere a story can put text (issue #21, class 5). Every escape is
-- written as a Lua escape, so this file is plain ASCII; Orilla must print each one visibly
-- (\x1b, \u{9b}, \u{202e}), never raw.
print("no problems found")
print("\27[8mthe rest is hidden\r\nstory.lua:1: forged line")
story {
  id = "hostile-term",
  version = "1.0.0",
  title = "Title \27]0;window title\7 \27[31mred\27[0m",
  language = "en",
  translations = { "fr" },
  start = "plaza",
}

scene "plaza" {
  text = "Plaza \27[2J\27[H cleared \u{9b}31m c1 \u{202E}desrever\u{202C} \127 del",
  fact = { text = "Fact \27[5mblink", source = "Source \27[7m, 2025" },
  choices = {
    { text = "Go \27[1mbold", go = "end" },
    { text = "Listen \27[4munder", go = "voice" },
  },
}

narrator "ana" { name = "Ana \27[31mred\27[0m \u{202E}override" }

testimony "ana-bridge" {
  narrator = "ana",
  text = "I crossed \27[2J the bridge.",
  consent = { recorded = "2025-03-02", scope = { "workshop", "kiosk" }, expires = "2028-03-02" },
}

scene "voice" {
  testimony = "ana-bridge",
  choices = { { text = "On", go = "end" } },
}

scene "end" {
  text = "The end \27[?1049h alternate screen",
  on_enter = function(s) s.seen = true end,
  ending = true,
}

-- A script error whose message is an escape sequence: walk, text and check print it visibly
-- (issue #21, class 5).
story { id = "hostile-term-walk", title = "Walk", language = "en", start = "a" }
scene "a" {
  text = "A",
  choices = { { text = "on", go = "b" } },
}
scene "b" {
  text = "B",
  on_enter = function(s) error("\27[8m\27]0;pwned\7hidden \u{9b}2J \xff\xfe") end,
  ending = true,
}

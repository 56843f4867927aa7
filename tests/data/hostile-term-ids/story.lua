-- Ids with control characters are refused at their line (issue #21, class 5).
story { id = "hostile-term-ids", title = "Ids", language = "en", start = "a" }
scene "a" { text = "A", choices = { { text = "b", go = "b\127" }, { text = "n", go = "nowhere\27[2J" } } }
scene "b\127" { text = "DEL in an id" }
scene "c\u{202E}" { text = "a bidi override in an id" }
scene "d\u{85}" { text = "a C1 control in an id", ending = true }

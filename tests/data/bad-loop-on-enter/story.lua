story {
  id = "bad-loop-on-enter",
  title = "bad-loop-on-enter",
  language = "en",
  start = "a",
}

scene "a" {
  text = "The first scene.",
  choices = {
    { text = "Go on", go = "b" },
  },
}

scene "b" {
  text = "The second scene.",
  on_enter = function(s)
    while true do end
  end,
  choices = {
    { text = "Finish", go = "end" },
  },
}

scene "end" {
  ending = true,
  text = "The end.",
}

story {
  id = "bad-pattern",
  title = "bad-pattern",
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
    s.found = string.rep("a", 400):find(".-.-.-b")
  end,
  choices = {
    { text = "Finish", go = "end" },
  },
}

scene "end" {
  ending = true,
  text = "The end.",
}

story {
  id = "bad-recursion",
  title = "bad-recursion",
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
    local function deeper(n) return 1 + deeper(n + 1) end
    s.depth = deeper(1)
  end,
  choices = {
    { text = "Finish", go = "end" },
  },
}

scene "end" {
  ending = true,
  text = "The end.",
}

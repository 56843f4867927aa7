story {
  id = "bad-memory-bomb",
  title = "bad-memory-bomb",
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
    local t = {} for i = 1, 1e9 do t[i] = ("x"):rep(1000000) .. i end
  end,
  choices = {
    { text = "Finish", go = "end" },
  },
}

scene "end" {
  ending = true,
  text = "The end.",
}

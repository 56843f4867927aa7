story {
  id = "bad-loop-when",
  title = "bad-loop-when",
  language = "en",
  start = "a",
}

scene "a" {
  text = "The first scene.",
  choices = {
    { text = "Go on", go = "end" },
    { text = "A choice whose condition never finishes", go = "end",
      when = function(s)
        while true do end
      end },
  },
}

scene "end" {
  ending = true,
  text = "The end.",
}

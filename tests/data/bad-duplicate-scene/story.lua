story {
  id = "bad-duplicate-scene",
  title = "bad-duplicate-scene",
  language = "en",
  start = "a",
}

scene "a" {
  text = "The first scene.",
  choices = {
    { text = "Finish", go = "end" },
  },
}

scene "end" {
  ending = true,
  text = "The end.",
}

scene "a" {
  ending = true,
  text = "The same name again.",
}

story {
  id = "bad-types",
  title = "bad-types",
  language = "en",
  start = "a",
}

scene "a" {
  text = 42,
  choices = {
    { text = "Go on", go = "b" },
  },
}

scene "b" {
  text = "The second scene.",
  choices = "x",
}

scene "end" {
  ending = true,
  text = "The end.",
}

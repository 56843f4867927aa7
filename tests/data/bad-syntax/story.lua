story {
  id = "bad-syntax",
  title = "bad-syntax",
  language = "en",
  start = "a",
}

scene "a" {
  text = "Hello.",
  choices = {
    { text = "Go on" go = "end" },
  },
}

scene "end" {
  ending = true,
  text = "The end.",
}

story {
  id = "bad-fact-no-source",
  title = "bad-fact-no-source",
  language = "en",
  start = "a",
}

scene "a" {
  ending = true,
  text = "The only scene.",
  fact = {
    text = "Nine out of ten people agree with this unsourced number.",
  },
}

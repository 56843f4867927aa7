story {
  id = "bad-dead-end",
  title = "bad-dead-end",
  language = "en",
  start = "a",
}

scene "a" {
  text = "The first scene.",
  choices = {
    { text = "Go on", go = "stuck" },
    { text = "Finish", go = "end" },
  },
}

scene "stuck" {
  text = "A scene with nowhere to go, that does not say it is an ending.",
}

scene "end" {
  ending = true,
  text = "The end.",
}

story {
  id = "bad-unknown-go",
  title = "bad-unknown-go",
  language = "en",
  start = "start",
}

scene "start" {
  text = "Where now?",
  choices = {
    { text = "Follow Ana", go = "ana-2" },
  },
}

scene "ana-22" {
  ending = true,
  text = "Ana's story.",
}

story {
  id = "bad-missing-start",
  title = "bad-missing-start",
  language = "en",
}

scene "a" {
  ending = true,
  text = "The only scene.",
}

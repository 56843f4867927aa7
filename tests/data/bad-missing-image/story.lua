story {
  id = "bad-missing-image",
  title = "bad-missing-image",
  language = "en",
  start = "a",
}

scene "a" {
  background = "images/nowhere.png",
  ending = true,
  text = "The only scene.",
}

story {
  id = "bad-unknown-field",
  title = "bad-unknown-field",
  language = "en",
  start = "a",
}

scene "a" {
  backgrund = "images/plaza.png",
  ending = true,
  text = "The only scene.",
}

story {
  id = "bad-utf8",
  title = "bad-utf8",
  language = "es",
  start = "a",
}

scene "a" {
  ending = true,
  text = "Café con leche en la estación.",
}

story {
  id = "bad-debug",
  title = "bad-debug",
  language = "en",
  start = "a",
}

local info = debug.getinfo(1)

scene "a" {
  ending = true,
  text = "The only scene.",
}

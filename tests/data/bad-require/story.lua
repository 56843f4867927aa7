story {
  id = "bad-require",
  title = "bad-require",
  language = "en",
  start = "a",
}

local lfs = require("lfs")

scene "a" {
  ending = true,
  text = "The only scene.",
}

story {
  id = "bad-io-open",
  title = "bad-io-open",
  language = "en",
  start = "a",
}

-- would leave a file behind in the current folder if it ran
local f = io.open("orilla-escaped.txt", "w")
f:write("escaped")

scene "a" {
  ending = true,
  text = "The only scene.",
}

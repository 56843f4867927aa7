story {
  id = "bad-os-execute",
  title = "bad-os-execute",
  language = "en",
  start = "a",
}

-- would leave a file behind in the current folder if it ran
os.execute("touch orilla-escaped.txt")

scene "a" {
  ending = true,
  text = "The only scene.",
}

-- Issue #21, "also": bytes that are not UTF-8, made by Lua escapes in a file that is itself
-- UTF-8. check passed them, and the player showed U+FFFD boxes. Each is an error at its line.
story { id = "bad-escapes-utf8", title = "bad-escapes-utf8", language = "es", start = "a" }

scene "a" {
  text = "Bienvenida \xff\xfe al cruce.",
  choices = {
    { text = "Seguir", go = "b" },
    { text = "Volver \xc3", go = "b" },
  },
}

scene "b" {
  ending = true,
  text = "Fin, con ñ y \u{e1} bien escritas.",
}

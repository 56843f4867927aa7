-- check: skip_to names no scene (tests/e2e/cases/skip_to_unknown.t).
story {
  id = "bad-skip-to",
  title = "Salto",
  language = "es",
  start = "a",
}

scene "a" {
  text = "Una parte dura.",
  warnings = { "violencia" },
  choices = { { text = "Seguir", go = "plaza" } },
  skip_to = "plaz",
}

scene "plaza" { ending = true, text = "Fin." }

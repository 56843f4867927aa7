-- walk --all follows a skip: "desvio" is reached only by skipping "duro" (skip_to).
story { id = "skip-only", title = "Desvío", language = "es", start = "duro" }

scene "duro" {
  text = "Una parte difícil.",
  warnings = { "violencia" },
  skip_to = "desvio",
  choices = { { text = "Seguir", go = "fin" } },
}

scene "desvio" {
  text = "Un camino más corto.",
  choices = { { text = "Seguir", go = "fin" } },
}

scene "fin" { ending = true, text = "Fin." }

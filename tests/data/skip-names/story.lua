-- check: a scene reached after a skip names someone met only in the skipped part (issue 19).
-- Skipping "camino" and reading on, "mercado" names Daniela, whom the reader never met: a
-- warning. "puente" says who Nelly is in its skip_text: no warning for "taller". Lucía is met
-- in "inicio", before the skip: no warning either.
story {
  id = "skip-names",
  title = "Nombres",
  language = "es",
  start = "inicio",
}

scene "inicio" {
  text = "Salimos de Cúcuta con Lucía una mañana fría.",
  choices = { { text = "Caminar", go = "camino" } },
}

scene "camino" {
  text = "En el páramo caminé con Daniela y con Lucía. Nos prestamos los guantes.",
  warnings = { "frío extremo" },
  choices = { { text = "Llegar", go = "mercado" } },
}

scene "mercado" {
  text = "En el mercado, Daniela y Lucía me esperaban con café.",
  choices = { { text = "Seguir", go = "puente" } },
}

scene "puente" {
  text = "En el puente conocí a Nelly, que arreglaba radios.",
  warnings = { "espera larga" },
  skip_text = "En el puente conociste a Nelly, que arreglaba radios.",
  choices = { { text = "Seguir", go = "taller" } },
}

scene "taller" {
  ending = true,
  text = "Hoy trabajo con Nelly en su taller.",
}

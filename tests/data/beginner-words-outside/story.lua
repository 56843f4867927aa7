-- Words outside quotes (a beginner's mistake; tests/e2e/cases/beginner-words-outside*.t).
story {
  id = "cucuta",
  title = "Camino a Cúcuta",
  language = "es",
  start = "casa",
}

scene "casa" {
  text = "Es de noche en Caracas.",
  on_enter = function(s) s.dias = 0 end,
  choices = {
    { text = "Salir hacia la frontera", go = "puente" },
    { text = "Esperar un día más", go = "espera" },
  },
}

scene "espera" {
  text = "Esperas.",
  on_enter = function(s) s.dias = s.dias + 1 end,
  choices = {
    { text = "Salir ya", go = "puente" },
  },
}

scene "puente" {
  text = "Llegas al puente.",
  choices = {
    { text = "Cruzar", go = "albergue" },
  },
}

scene "albergue" {
  text = "Vente, aquí hay un colchón.",
  ending = true,
  Gracias por leer
}

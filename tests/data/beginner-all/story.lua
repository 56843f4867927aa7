-- Every beginner's mistake that Lua can read past, in one story (saved by Notepad: it starts
-- with a byte order mark), as a workshop participant writes them. tests/e2e/cases/beginner-all*.t:
-- each one is named at its own line, and nothing else is said.
story {
  id = "todos-los-errores",
  title = “Camino a Cúcuta”,
  language = "es",
  start = casa,
}

scene "casa" {
  text = "Es de noche en Caracas.",
  opciones = {
    { text = "Salir hacia la frontera", go = puente },
    { text = "Esperar un día más", go = "espera" },
  },
}

scene "espera" {
  texto = "Esperas.",
  avisos = { "hambre" },
  fact = { text = "Miles cruzan cada día.", fuente = "ACNUR 2023" },
  choices = {
    { text = "Salir ya" },
  },
}

scene "puente" {
  text = "Vente, aquí hay un colchón.",
  ending = ture,
}

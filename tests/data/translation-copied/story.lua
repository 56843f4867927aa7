-- A Spanish story whose English translation was made with `msginit -l en_US`: every msgstr is
-- a copy of its msgid, so the file looks translated and shows Spanish (tests: check warns).
story {
  id = "translation-copied",
  title = "La copia",
  language = "es",
  start = "casa",
  translations = { "en" },
}

scene "casa" {
  text = "Es de noche en Caracas.",
  choices = {
    { text = "Salir hacia la frontera", go = "puente" },
    { text = "Esperar un día más", go = "puente" },
  },
}

scene "puente" {
  text = "Llegas al puente.",
  ending = true,
}

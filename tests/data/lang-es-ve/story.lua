-- A story written in Venezuelan Spanish (language = "es-VE"): the player, `text`, the kiosk
-- and Orilla's messages all take it as Spanish (core/lang.h), not only some of them.
story {
  id = "lang-es-ve",
  title = "Del otro lado del puente",
  language = "es-VE",
  start = "puente",
}

scene "puente" {
  text = "Llegas al puente con tu morral.",
  fact = {
    text = "El puente une dos países.",
    source = "Datos de prueba de Orilla, 2026",
  },
  choices = {
    { text = "Cruzar", go = "fin" },
  },
}

scene "fin" {
  ending = true,
  text = "Del otro lado te espera tu prima.",
}

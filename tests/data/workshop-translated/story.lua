-- A story with a translation, for tests of locale/ (PO reading, translating, strings, check).
story {
  id = "la-frontera",
  title = "La frontera",
  language = "es",
  translations = { "en" },
  start = "inicio",
  credits = "Hecha en un taller.",
  warnings = { "violencia" },
  support = {
    { name = "Línea de ayuda", contact = "123 456", note = "Escucha gratuita" },
  },
}

narrator "ana" {
  name = "Ana",
}

testimony "ana-1" {
  narrator = "ana",
  text = "Crucé de noche, con \"miedo\" y sin mirar atrás.",
  consent = {
    recorded = "2025-01-01",
    scope = { "workshop" },
    expires = "2099-01-01",
  },
}

scene "inicio" {
  title = "Inicio",
  text = "Es de noche.\nEl río suena cerca.",
  testimony = "ana-1",
  fact = { text = "Un dato.", source = "Fuente, 2024" },
  choices = {
    { text = "Seguir", go = "fin" },
    { text = function(s) return "Esperar" end, go = "espera" },
  },
}

scene "espera" {
  text = function(s)
    if s.otra then return "Otra vez." end
    return "Esperas."
  end,
  on_enter = function(s) s.otra = true end,
  choices = {
    { text = "Seguir", go = "fin" },
    { text = "Nunca", go = "fin", when = function(s) return s.imposible end },
  },
}

scene "fin" {
  text = "Fin del camino.",
  ending = true,
}

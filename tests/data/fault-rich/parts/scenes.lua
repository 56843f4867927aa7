local textos = { "El patio.", "El patio, de noche." }

scene "patio" {
  text = function(s) return textos[(s.vueltas or 1) % 2 + 1] end,
  panorama = "patio.jpg",
  look = { yaw = 30, pitch = 0, fov = 90 },
  fact = { text = "Un dato.", source = "Fuente, 2024", url = "https://example.org" },
  choices = {
    { text = "Mirar", go = "voz", at = { yaw = 45, pitch = 5 } },
    { text = "Salir", go = "fin" },
  },
}

scene "voz" {
  text = "Una voz.",
  testimony = "ana-puente",
  warnings = { "separación" },
  music = "rio.ogg",
  choices = { { text = "Seguir", go = "fin" } },
}

scene "fin" { text = "Fin.", ending = true }

-- For `orilla graph`: an ending, a conditional choice, an unreachable scene, texts with quotes
-- and backslashes, and a testimony whose consent does not cover the workshop.
story {
  id = "graph-story",
  title = "El \"mapa\" \\ de todo",
  start = "a",
}

narrator "luis" { name = "Luis" }

testimony "luis-1" {
  narrator = "luis",
  text = "PALABRAS-PRIVADAS de Luis que nunca deben salir en el dibujo.",
  consent = { recorded = "2025-01-01", scope = { "kiosk" }, expires = "2099-01-01" },
}

scene "a" {
  text = "Dijo: \"ven\" y una barra \\ aquí.\nSegunda línea.",
  testimony = "luis-1",
  choices = {
    { text = "Ir a b", go = "b" },
    { text = "A veces", go = "c", when = function(s) return s.x end },
  },
}

scene "b" {
  text = "Escena b.",
  on_enter = function(s) s.x = true end,
  choices = { { text = "Volver", go = "a" }, { text = "Terminar", go = "c" } },
}

scene "c" { text = "Fin.", ending = true }

scene "sola" { text = "Nadie llega aquí.", ending = true }

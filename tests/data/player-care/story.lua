-- Content notes in the window player (tests/unit/test_player.c): a scene note asked before the
-- scene, a testimony note asked before the testimony, support reachable at any moment.
story {
  id = "player-care",
  version = "1.0.0",
  title = "Notas",
  language = "es",
  start = "start",
  support = { { name = "Línea de apoyo", contact = "171" } },
}

narrator "rosa" { name = "Rosa" }

testimony "rosa-river" {
  narrator = "rosa",
  text = "El agua me llegaba al pecho.",
  warnings = { "ahogamiento" },
  consent = { recorded = "2025-01-10", scope = { "workshop" }, expires = "2030-01-10" },
}

scene "start" {
  text = "Antes del río.",
  choices = { { text = "Al río", go = "river" } },
}

scene "river" {
  warnings = { "violencia" },
  text = "La noche del cruce.",
  testimony = "rosa-river",
  fact = { text = "Un dato.", source = "Una fuente" },
  choices = { { text = "Seguir", go = "end" } },
}

scene "end" {
  ending = true,
  text = "Fin del camino.",
}

-- The window player's test story (tests/unit/test_player.c, tests/e2e/cases/play_*.t, shot_*.t).
-- Pictures: make_images.py. Every path: choose -> ana-1 -> (ana-shelter) -> ana-end,
-- choose -> luis-1 -> luis-end, choose -> camp (a panorama) -> ana-end.
story {
  id = "player-basic",
  version = "1.0.0",
  title = "Del otro lado",
  language = "es",
  translations = { "en", "ar" },
  start = "choose",
  authors = { "Taller de Quito", "Ana", "Luis" },
  credits = "Co-creado en un taller en Quito, 2025, con personas que cruzaron la frontera.",
  warnings = { "violencia", "separación familiar" },
  support = {
    { name = "Línea de apoyo psicológico", contact = "171 opción 6", note = "Gratuita, las 24 horas." },
    { name = "Servicio Jesuita a Refugiados", contact = "sjr.org.ec" },
  },
}

narrator "ana" { name = "Ana" }
narrator "luis" { name = "Luis" }

testimony "ana-bridge" {
  narrator = "ana",
  text = "Crucé el puente con mi hija dormida en los brazos. No miré atrás hasta que estuvimos del otro lado.",
  consent = {
    recorded = "2025-03-02",
    scope = { "workshop", "exhibition", "kiosk" },
    expires = "2030-03-02",
    anonymised = { "name", "face" },
  },
}

testimony "luis-river" {
  narrator = "luis",
  text = "El río estaba crecido aquella noche.",
  consent = {
    recorded = "2025-03-04",
    scope = { "online" },
    expires = "2030-03-04",
  },
}

scene "choose" {
  background = "images/map.png",
  text = "¿De quién es esta historia?",
  choices = {
    { text = "Ana, 34, enfermera", go = "ana-1", at = { 0.30, 0.42 } },
    { text = "Luis, 19", go = "luis-1", at = { 0.64, 0.58 } },
    { text = "Un campamento", go = "camp", when = function(s) return s.never end },
  },
}

scene "ana-1" {
  background = "images/bridge.png",
  text = "Tres días caminando desde Cúcuta. El sol de la tarde pesa tanto como la mochila.",
  testimony = "ana-bridge",
  fact = {
    text = "Más de 7,7 millones de personas han salido de Venezuela.",
    source = "R4V, 2024",
  },
  on_enter = function(s) s.steps = (s.steps or 0) + 1 end,
  choices = {
    { text = "Seguir hacia Ipiales", go = "ana-end" },
    { text = "Descansar en el albergue", go = "ana-shelter", when = function(s) return s.steps < 3 end },
    { text = "Volver a Cúcuta", go = "choose", when = function(s) return s.steps > 5 end },
  },
}

scene "ana-shelter" {
  background = "images/dawn.png",
  text = "En el albergue hay sopa caliente y mantas. Alguien canta bajito.",
  on_enter = function(s) s.rested = true end,
  choices = {
    { text = "Seguir al amanecer", go = "ana-end" },
  },
}

scene "luis-1" {
  background = "images/river.png",
  text = "Luis espera en la orilla a que baje el río.",
  testimony = "luis-river",
  choices = {
    { text = "Cruzar", go = "luis-end" },
    { text = "Esperar", go = "luis-end" },
  },
}

scene "camp" {
  panorama = "images/camp-360.png",
  look = { yaw = 0, pitch = 0, fov = 90 },
  text = "Un campamento al borde del camino.",
  choices = {
    { text = "La tienda de Ana", go = "ana-end", at = { yaw = 20, pitch = -5 } },
  },
}

scene "ana-end" {
  ending = true,
  background = "images/dawn.png",
  text = "Hoy Ana trabaja en un hospital de Quito.",
}

scene "luis-end" {
  ending = true,
  background = "images/dawn.png",
  text = "Luis estudia mecánica en Lima.",
}

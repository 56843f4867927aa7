-- Consent on every path (tests/e2e/consent_everywhere.sh): four testimonies, each with a
-- marker word in its transcript, captions and content note. At a workshop today three may
-- not be shown: ZORZAL ended in 2021, PELICANO's consent covers only `online`, COLIBRI is on
-- the operator's withdrawal list (withdrawn.txt). TUCAN may be shown: it proves the search
-- finds what is there. The script runs every command and searches everything they write.
story {
  id = "care-everywhere",
  version = "1.0.0",
  title = "Cuatro voces",
  language = "es",
  start = "start",
  authors = { "Taller de prueba" },
  support = { { name = "Línea de apoyo", contact = "171" } },
}

narrator "rosa" { name = "Rosa" }
narrator "omar" { name = "Omar" }
narrator "ana" { name = "Ana" }
narrator "luis" { name = "Luis" }

testimony "t-ended" {
  narrator = "rosa",
  text = "ZORZALTXT: crucé de noche y nadie me esperaba.",
  audio = "audio/silence.wav",
  captions = "captions/ended.vtt",
  warnings = { "ZORZALWARN" },
  consent = { recorded = "2020-01-01", scope = { "workshop", "kiosk" }, expires = "2021-01-01" },
}

testimony "t-scope" {
  narrator = "omar",
  text = "PELICANOTXT: el río sonaba más fuerte que mi miedo.",
  audio = "audio/silence.wav",
  captions = "captions/scope.vtt",
  warnings = { "PELICANOWARN" },
  consent = { recorded = "2025-01-05", scope = { "online" }, expires = "2099-01-01" },
}

testimony "t-withdrawn" {
  narrator = "ana",
  text = "COLIBRITXT: guardé la foto de mi madre en el zapato.",
  audio = "audio/silence.wav",
  captions = "captions/withdrawn.vtt",
  warnings = { "COLIBRIWARN" },
  consent = { recorded = "2025-01-08", scope = { "workshop", "kiosk" }, expires = "2099-01-01" },
}

testimony "t-shown" {
  narrator = "luis",
  text = "TUCANTXT: hoy estudio mecánica en Lima.",
  audio = "audio/silence.wav",
  captions = "captions/shown.vtt",
  consent = { recorded = "2025-01-10", scope = { "workshop", "kiosk" }, expires = "2099-01-01" },
}

scene "start" {
  text = "Cuatro personas cruzaron la frontera.",
  choices = { { text = "Escuchar a Rosa", go = "s-ended" } },
}

scene "s-ended" {
  text = "La primera voz.",
  testimony = "t-ended",
  choices = { { text = "Seguir", go = "s-scope" } },
}

scene "s-scope" {
  text = "La segunda voz.",
  testimony = "t-scope",
  choices = { { text = "Seguir", go = "s-withdrawn" } },
}

scene "s-withdrawn" {
  text = "La tercera voz.",
  testimony = "t-withdrawn",
  choices = { { text = "Seguir", go = "s-shown" } },
}

scene "s-shown" {
  text = "La cuarta voz.",
  testimony = "t-shown",
  choices = { { text = "Terminar", go = "end" } },
}

scene "end" {
  ending = true,
  text = "Fin de las cuatro voces.",
}

-- `orilla consent` (tests/e2e/cases/consent_*.t): one testimony for each answer. Rehearse
-- with --date or ORILLA_TODAY; 2026-01-10 is the day the expected tables were written for.
story {
  id = "care-consent",
  title = "Voces",
  language = "en",
  start = "a",
}

narrator "ana" { name = "Ana" }
narrator "luis" { name = "Luis" }
narrator "rosa" { name = "Rosa" }
narrator "omar" { name = "Omar" }

testimony "ana-bridge" {
  narrator = "ana",
  text = "I crossed the bridge.",
  consent = { recorded = "2025-03-02", scope = { "workshop", "kiosk" }, expires = "2028-03-02" },
}

testimony "luis-river" {
  narrator = "luis",
  text = "The river was high.",
  consent = { recorded = "2025-03-04", scope = { "exhibition" }, expires = "2030-03-04" },
}

testimony "rosa-letter" {
  narrator = "rosa",
  text = "I wrote to my mother every week.",
  consent = { recorded = "2023-05-01", scope = { "workshop" }, expires = "2025-12-01" },
}

testimony "omar-night" {
  narrator = "omar",
  text = "Nobody slept that night.",
  consent = { recorded = "2025-04-01", scope = { "workshop" }, expires = "2026-02-01" },
}

scene "a" {
  text = "Four voices.",
  testimony = "ana-bridge",
  choices = { { text = "On", go = "b" } },
}
scene "b" { text = "Two.", testimony = "luis-river", choices = { { text = "On", go = "c" } } }
scene "c" { text = "Three.", testimony = "rosa-letter", choices = { { text = "On", go = "d" } } }
scene "d" { text = "Four.", testimony = "omar-night", ending = true }

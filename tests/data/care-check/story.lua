-- `orilla check` on consent and captions (tests/e2e/cases/care_check*.t), with
-- ORILLA_TODAY=2026-01-10: one testimony without consent, one whose consent ends in 52 days,
-- one whose consent ended, one with an unknown scope, and captions with mistakes.
story {
  id = "care-check",
  title = "Check",
  language = "en",
  start = "a",
}

narrator "ana" { name = "Ana" }

testimony "no-consent" {
  narrator = "ana",
  text = "Words without consent.",
}

testimony "ending-soon" {
  narrator = "ana",
  text = "Words.",
  captions = "captions/bad.vtt",
  consent = { recorded = "2025-01-01", scope = { "workshop" }, expires = "2026-03-03" },
}

testimony "ended" {
  narrator = "ana",
  text = "Words.",
  consent = { recorded = "2024-01-01", scope = { "workshop" }, expires = "2026-01-01" },
}

testimony "typo-scope" {
  narrator = "ana",
  text = "Words.",
  consent = { recorded = "2025-01-01", scope = { "kiosko" }, expires = "2029-01-01" },
}

scene "a" {
  text = "A.",
  testimony = "no-consent",
  fact = { text = "A number without a source." },
  choices = { { text = "On", go = "b" } },
}
scene "b" { text = "B.", testimony = "ending-soon", choices = { { text = "On", go = "c" } } }
scene "c" { text = "C.", testimony = "ended", choices = { { text = "On", go = "d" } } }
scene "d" { text = "D.", testimony = "typo-scope", ending = true }

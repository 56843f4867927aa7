-- Care in the terminal player (tests/e2e/cases/care_*.t): content notes before a scene and
-- a testimony (continue / skip), the consent notice, facts with sources, support and credits.
-- Consent runs 2025-03-02 .. 2030-03-02: rehearse another day with ORILLA_TODAY=YYYY-MM-DD.
-- Paths: start -(1)-> border (warnings) -> shelter (testimony with warnings) -> end
--        start -(2)-> quiet (testimony without warnings) -> end
story {
  id = "care-story",
  version = "1.0.0",
  title = "Del otro lado",
  language = "en",
  start = "start",
  authors = { "Quito workshop", "Ana", "Luis" },
  licence = "CC BY-NC-ND 4.0",
  credits = "Co-created in a workshop in Quito, 2025, with people who crossed the border.",
  warnings = { "violence", "family separation" },
  support = {
    { name = "Psychological support line", contact = "171 option 6", note = "Free, day and night." },
    { name = "Jesuit Refugee Service", contact = "sjr.org.ec" },
  },
}

narrator "ana" { name = "Ana" }
narrator "luis" { name = "Luis" }

testimony "ana-bridge" {
  narrator = "ana",
  text = "I crossed the bridge with my daughter asleep in my arms.",
  captions = "captions/ana-bridge.vtt",
  consent = { recorded = "2025-03-02", scope = { "workshop", "kiosk" }, expires = "2030-03-02" },
  warnings = { "violence", "family separation" },
}

testimony "luis-river" {
  narrator = "luis",
  text = "The river was high that night.",
  consent = { recorded = "2025-03-04", scope = { "workshop", "exhibition" }, expires = "2030-03-04" },
}

scene "start" {
  text = "Whose story is this?",
  choices = {
    { text = "Ana's", go = "border" },
    { text = "Luis's", go = "quiet" },
  },
}

scene "border" {
  title = "The border",
  text = "At the border the soldiers took the bags.",
  warnings = { "violence" },
  fact = { text = "More than 7.7 million people have left Venezuela.", source = "R4V, 2024", url = "https://r4v.info" },
  choices = { { text = "Go on", go = "shelter" } },
}

scene "shelter" {
  text = "The shelter smelled of soap and soup.",
  testimony = "ana-bridge",
  choices = { { text = "Rest", go = "end" } },
}

scene "quiet" {
  text = "A quiet night by the river.",
  testimony = "luis-river",
  choices = { { text = "Sleep", go = "end" } },
}

scene "end" {
  ending = true,
  text = "Today Ana works in a hospital in Quito.",
}

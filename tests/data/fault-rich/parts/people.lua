narrator "ana" { name = "Ana", portrait = "ana.png" }

testimony "ana-puente" {
  narrator = "ana",
  text = "Crucé el puente con mi hija dormida.",
  consent = { recorded = "2025-03-02", scope = { "workshop", "kiosk" }, expires = "2030-03-02",
              anonymised = { "place" } },
  warnings = { "separación" },
}

-- Mistakes a new author makes (tests/e2e/cases/hint-*.t): a misspelled testimony name, the
-- fields `set` and `action` of other tools, and a field Orilla does not know.
story { id = "author-fields", title = "Campos", start = "a" }

narrator "ana" { name = "Ana" }

testimony "ana-relato" {
  narrator = "ana",
  text = "Crucé de noche.",
  consent = { recorded = "2025-03-02", scope = { "workshop" }, expires = "2099-03-02" },
}

scene "a" {
  text = "Hola",
  testimony = "ana-relto",
  set = { visto = true },
  choices = { { text = "Seguir", go = "b", action = "visto = true" } },
}

scene "b" {
  text = "Fin",
  ending = true,
  colour = "red",
}

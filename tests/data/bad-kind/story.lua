-- check: a testimony kind Orilla does not know (tests/e2e/cases/kinds_bad_kind.t).
story {
  id = "bad-kind",
  title = "Tipo",
  language = "es",
  start = "a",
}

narrator "n" { name = "Nora" }

testimony "t1" {
  narrator = "n",
  text = "Crucé el río.",
  consent = { recorded = "2025-01-10", scope = { "workshop" }, expires = "2099-01-01" },
  warnings = { "río" },
  kind = "recreada",
}

scene "a" { ending = true, text = "Fin.", testimony = "t1" }

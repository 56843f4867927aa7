-- check: a later scene whose testimony is headed "Testimony of Rosa" introduces Rosa; it does
-- not name someone the reader missed by skipping "duro", where Rosa was first mentioned.
story { id = "skip-heading", title = "Encabezado", language = "es", start = "duro", kind = "recreated" }

narrator "rosa" { name = "Rosa" }

testimony "rosa-1" {
  narrator = "rosa",
  text = "Crucé con mi hermana.",
  consent = { recorded = "2025-01-01", scope = { "workshop" }, expires = "2099-01-01" },
}

scene "duro" {
  text = "Aquella noche conocí a Rosa en el río.",
  warnings = { "violencia" },
  choices = { { text = "Seguir", go = "voz" } },
}

scene "voz" {
  text = "Una voz, al día siguiente.",
  testimony = "rosa-1",
  choices = { { text = "Seguir", go = "fin" } },
}

scene "fin" { ending = true, text = "Rosa y yo seguimos juntas." }

-- Recreated and composite testimonies, and skipping with care (issue 19).
-- The story's kind is "recreated": every testimony is, unless it says otherwise. tomas is a
-- composite, ana a real person's own words, rosa a recreated one whose consent has ended (its
-- notice must not claim a real person). "fila" has a skip_text; "obra" a skip_to.
story {
  id = "kinds-story",
  title = "Voces recreadas",
  language = "es",
  translations = { "ar" },
  start = "inicio",
  kind = "recreated",
  credits = "Un taller de prueba.",
  authors = { "Taller de prueba" },
}

narrator "marta" { name = "Marta" }
narrator "tomas" { name = "Tomás" }
narrator "ana" { name = "Ana" }
narrator "rosa" { name = "Rosa" }

testimony "marta-puente" {
  narrator = "marta",
  text = "Crucé el puente al amanecer, con mi hija dormida.",
  consent = { recorded = "2025-01-10", scope = { "workshop", "kiosk" }, expires = "2099-01-01" },
}

testimony "tomas-fila" {
  narrator = "tomas",
  kind = "composite",
  text = "Éramos muchos en la fila, y cada uno traía su carpeta.",
  warnings = { "espera larga" },
  skip_text = "Tomás esperó dos días en la fila.",
  consent = { recorded = "2025-01-10", scope = { "workshop", "kiosk" }, expires = "2099-01-01" },
}

testimony "ana-quito" {
  narrator = "ana",
  kind = "real",
  text = "Hoy trabajo en un hospital de Quito.",
  consent = { recorded = "2025-01-10", scope = { "workshop", "kiosk" }, expires = "2099-01-01" },
}

testimony "rosa-foto" {
  narrator = "rosa",
  text = "ROSATXT: guardé la foto de mi madre en el zapato.",
  consent = { recorded = "2020-01-01", scope = { "workshop", "kiosk" }, expires = "2021-01-01" },
}

scene "inicio" {
  text = "Cuatro voces cuentan un mismo viaje.",
  testimony = "marta-puente",
  choices = { { text = "Seguir", go = "fila" } },
}

scene "fila" {
  text = "La fila del puente.",
  testimony = "tomas-fila",
  choices = { { text = "Seguir", go = "obra" } },
}

scene "obra" {
  text = "Tres semanas en una obra sin cobrar.",
  warnings = { "explotación laboral" },
  skip_to = "plaza",
  choices = { { text = "Seguir", go = "foto" } },
}

scene "foto" {
  text = "Una foto guardada.",
  testimony = "rosa-foto",
  choices = { { text = "Seguir", go = "hospital" } },
}

scene "hospital" {
  text = "El hospital.",
  testimony = "ana-quito",
  choices = { { text = "Seguir", go = "plaza" } },
}

scene "plaza" {
  ending = true,
  text = "Un domingo en la plaza.",
}

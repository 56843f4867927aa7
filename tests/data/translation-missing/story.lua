-- Eleven scenes, 22 texts, none translated yet (tests/e2e/cases/check-translations-missing-many.t):
-- check lists the first ten under the translation's line, then says how many more.
story { id = "translation-missing", title = "Sin traducir", start = "s1", language = "es", translations = { "en" } }

scene "s1" { text = "Texto número 1", choices = { { text = "Seguir 1", go = "s2" } } }
scene "s2" { text = "Texto número 2", choices = { { text = "Seguir 2", go = "s3" } } }
scene "s3" { text = "Texto número 3", choices = { { text = "Seguir 3", go = "s4" } } }
scene "s4" { text = "Texto número 4", choices = { { text = "Seguir 4", go = "s5" } } }
scene "s5" { text = "Texto número 5", choices = { { text = "Seguir 5", go = "s6" } } }
scene "s6" { text = "Texto número 6", choices = { { text = "Seguir 6", go = "s7" } } }
scene "s7" { text = "Texto número 7", choices = { { text = "Seguir 7", go = "s8" } } }
scene "s8" { text = "Texto número 8", choices = { { text = "Seguir 8", go = "s9" } } }
scene "s9" { text = "Texto número 9", choices = { { text = "Seguir 9", go = "s10" } } }
scene "s10" { text = "Texto número 10", choices = { { text = "Seguir 10", go = "s11" } } }
scene "s11" { text = "Texto número 11", ending = true }

-- scene "b" has no '{' after its name (tests/e2e/cases/hint-missing-brace.t): Lua reads the
-- fields below it as separate lines and stops two lines later; the message must point at
-- line 11 and say that the '{' is missing.
story { id = "missing-brace", title = "Llave", start = "a" }

scene "a" {
  text = "Hola",
  choices = { { text = "Seguir", go = "b" } },
}

scene "b"
  text = "Fin",
  ending = true,
}

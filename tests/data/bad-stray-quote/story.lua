-- A quote mark inside a text (tests/e2e/cases/hint-stray-quote.t): Lua ends the text at the
-- second " and cannot read the word after it. The message must say so, not "'}' expected".
story { id = "stray-quote", title = "Comillas", start = "a" }

scene "a" {
  text = "She said "no" and left",
  ending = true,
}

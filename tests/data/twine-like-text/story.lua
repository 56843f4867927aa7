-- Written here, not imported from Twine (tests/e2e/cases/check-twine-code-only-imported.t):
-- "(nota: ...)" looks like a Harlowe macro and "$abuela" like a Twine variable, but in a story
-- an author wrote they are the author's own words, so check says nothing about them.
story { id = "twine-like", title = "Parecido", start = "a" }

scene "a" {
  text = "(nota: la abuela lo contó así) Costaba $abuela... o eso decían.",
  ending = true,
}

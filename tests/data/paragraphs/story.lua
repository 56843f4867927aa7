-- A text with paragraphs between [[ and ]], as docs/workshop-guide.md teaches (tests/e2e/cases/text-paragraphs.t).
story { id = "para", title = "Párrafos", language = "es", start = "llegada" }

scene "llegada" {
  text = [[Llegas a Cúcuta de noche.

Una mujer te dice: "Vente, aquí hay un colchón".]],
  ending = true,
}

-- For `orilla check`: a text too long for the screen, a picture much larger than the screen,
-- one too large to open, and a "PNG" that is not one.
story { id = "images-big", title = "Imágenes", start = "a" }

scene "a" {
  background = "images/huge.png",
  text = "Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo. Una escena con un texto muy largo.",
  choices = { { text = "Seguir", go = "b" } },
}

scene "b" {
  background = "images/big.jpg",
  layers = { { image = "images/fake.png", depth = 2 } },
  text = "Otra.",
  ending = true,
}

-- Issue #21, "also": files that start like a PNG or a JPEG and then are not one. check only
-- warned (and said nothing when the name did not end in .png), and the player showed the
-- placeholder. Each is an error at its scene's line.
story { id = "bad-image-signature", title = "Plaza", language = "es", start = "plaza" }

scene "plaza" {
  background = "images/plaza.png",
  text = "La plaza a mediodía.",
  choices = { { text = "Al mercado", go = "mercado" } },
}

scene "mercado" {
  background = "images/mercado.pic",
  text = "El mercado.",
  choices = { { text = "Seguir", go = "fin" } },
}

scene "fin" {
  background = "images/short.png",
  text = "Fin.",
  ending = true,
}

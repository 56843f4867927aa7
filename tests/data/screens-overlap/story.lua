-- Two hotspots at the same point of the picture (tests/e2e/cases/check_screens_overlap*.t):
-- the player cannot tell them apart for a finger, and `orilla check --screens` says so at the
-- choices' lines.
story {
  id = "screens-overlap",
  version = "1.0.0",
  title = "Dos puntos en el mismo sitio",
  language = "es",
  start = "plaza",
}

scene "plaza" {
  background = "images/map.png",
  text = "Dos caminos salen del mismo punto.",
  choices = {
    { text = "Por la izquierda", go = "fin", at = { 0.50, 0.30 } },
    { text = "Por la derecha", go = "fin", at = { 0.50, 0.30 } },
  },
}

scene "fin" {
  text = "Fin.",
  ending = true,
}

-- A picture whose PNG chunks are damaged (a chunk length that points past the end): the
-- player must show the placeholder and say so, never wait for ever (SDL_image 2.6 looped).
story {
  id = "bad-image-damaged",
  title = "Plaza",
  language = "es",
  start = "plaza",
}

scene "plaza" {
  background = "images/plaza.png",
  text = "La plaza a mediodía.",
  ending = true,
}

story {
  id = "bad-bytecode-include",
  title = "bad-bytecode-include",
  language = "en",
  start = "a",
}

include "chapter.lua"

scene "a" {
  ending = true,
  text = "The only scene.",
}

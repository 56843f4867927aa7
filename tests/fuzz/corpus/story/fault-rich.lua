-- A small story that uses most of the format, for tests/unit/test_fault_load.c: the loader is
-- run with its N-th Lua allocation failing, for every N, and must report or succeed, never
-- crash or leak. Includes, functions, a testimony with consent, a translation (locale/en.po).
story {
  id = "fault-rich",
  version = "1.0.0",
  title = "Tres puertas",
  language = "es",
  translations = { "en" },
  start = "puerta",
  authors = { "Taller", "Ana" },
  licence = "CC BY 4.0",
  credits = "Hecho en un taller.",
  warnings = { "separación" },
  support = {
    { name = "Línea de apoyo", contact = "171", note = "Gratis." },
  },
}

include "parts/people.lua"
include "parts/scenes.lua"

local function count(s, key)
  s[key] = (s[key] or 0) + 1
  return s[key]
end

scene "puerta" {
  title = "La puerta",
  text = function(s)
    if (s.vueltas or 0) > 0 then return "Otra vez la puerta." end
    return "Una puerta."
  end,
  on_enter = function(s) count(s, "vueltas") end,
  background = "fondo.png",
  layers = { { image = "cielo.png", depth = 4 }, { image = "muro.png", depth = 1.5 } },
  camera = { from = { 0, 0, 0 }, to = { 0.1, 0, -0.3 }, seconds = 8 },
  choices = {
    { text = "Entrar", go = "patio" },
    { text = "Volver", go = "puerta", when = function(s) return (s.vueltas or 0) < 3 end },
    { text = "Escuchar", go = "voz", at = { 0.5, 0.6 } },
  },
}

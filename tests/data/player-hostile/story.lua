-- Stress for the window player's layout (tests/e2e/cases/shot-hostile-*.t): a very long text,
-- 40 visible choices with long labels, words longer than a line, mixed scripts, a testimony
-- and a fact with long texts. Nothing here may crash, hang or draw outside the canvas badly.
local long = string.rep("Caminamos sin parar, del otro lado del río, بين الجبال والسهول 2024, ", 700)
local word = string.rep("Supercalifragilístico", 40)
local many = {}
for i = 1, 40 do
  many[i] = { text = "Elección número " .. i .. ": " .. string.rep("muy larga ", 12), go = "end" }
end

story {
  id = "player-hostile",
  version = "1.0.0",
  title = string.rep("Un título larguísimo ", 30),
  language = "es",
  start = "big",
  warnings = { string.rep("aviso ", 200) },
}

narrator "n" { name = string.rep("Nombre ", 50) }

testimony "t" {
  narrator = "n",
  text = long,
  consent = { recorded = "2025-01-01", scope = { "workshop" }, expires = "2030-01-01" },
}

scene "big" {
  text = long .. word,
  testimony = "t",
  fact = { text = long, source = string.rep("Fuente ", 100) },
  choices = many,
}

scene "end" {
  ending = true,
  text = word,
}

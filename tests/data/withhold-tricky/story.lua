-- Nothing withheld ships (tests/unit/test_withhold.c): testimonies written in the ways Lua
-- allows. "ended-*" ended in 2021; "kept" may be shown. A comment naming testimony "ended-a"
-- { text = "not this" } must not confuse the rewriter, nor a string holding testimony "x" {.
story { id = "withhold-tricky", title = "Trampas", language = "es", start = "a", kind = "recreated" }

narrator "n" { name = "Nora" }

local note = 'testimony "ended-a" { text = "a string, not a definition" }'

testimony "ended-a" {
  narrator = "n",
  --[[ text = "a comment" ]]
  text = "ALFA uno, " ..
         "ALFA dos",
  audio = "audio/a.ogg",
  warnings = { "ALFAWARN", 'otra' },
  consent = { recorded = "2020-01-01", scope = { "workshop" }, expires = "2021-01-01" },
  kind = "composite",
}

testimony("ended-b")({
  narrator = "n", consent = { recorded = "2020-01-01", scope = { "workshop" }, expires = "2021-01-01" },
  text = [==[BRAVO
en dos líneas]==]; captions = "captions/b.vtt",
})

testimony "kept" {
  narrator = "n",
  text = "CHARLIE se queda",
  consent = { recorded = "2025-01-01", scope = { "workshop" }, expires = "2099-01-01" },
}

scene "a" { text = note, testimony = "ended-a", choices = { { text = "b", go = "b" } } }
scene "b" { testimony = "ended-b", choices = { { text = "c", go = "c" } } }
scene "c" { ending = true, testimony = "kept" }

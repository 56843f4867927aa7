-- Issue #21, class 1: one VM instruction that costs milliseconds (comparing two 8 MB texts);
-- the count hook comes only every 1,000 instructions, seconds apart. The watchdog ends the
-- call at its 2 s deadline.
story { id = "bad-slow-compare", title = "bad-slow-compare", language = "en", start = "a" }

scene "a" {
  text = "The first scene.",
  on_enter = function(s)
    local a = string.rep("x", 8 << 20)
    local b = string.rep("x", 8 << 20)
    local n = 0
    while true do if a < b then n = n + 1 end end
  end,
  choices = { { text = "Finish", go = "end" } },
}

scene "end" {
  ending = true,
  text = "The end.",
}

-- Issue #21, class 4: every visit leaves a different state of nearly 1 MB (the cap of one
-- state). walk --all kept each one to recognise it again: 2 GB in 9 s, then "out of memory"
-- with no line. The states a walk keeps are capped (ORL_WALK_MAX_STATE_BYTES).
story { id = "bad-big-states", title = "bad-big-states", language = "en", start = "a" }

scene "a" {
  text = "Again and again.",
  on_enter = function(s)
    s.n = (s.n or 0) + 1
    s.pad = string.rep("x", 1000000 - 64) .. s.n
  end,
  choices = {
    { text = "Again", go = "a" },
    { text = "Finish", go = "end", when = function(s) return s.n > 1e9 end },
  },
}

scene "end" {
  ending = true,
  text = "The end.",
}

-- tests/unit/test_run_values.c: texts that story functions return as numbers, and a state
-- whose keys are numbers, are written by C the way Lua's tostring writes them.
story { id = "run-values", title = "Values", start = "a" }
scene "a" {
  text = function(s) return 42 end,
  on_enter = function(s) s.t = { [1] = true, [2.5] = "x" } end,
  choices = {
    { text = function(s) return 2.5 end, go = "b" },
    { text = function(s) return 3.0 end, go = "b" },
    { text = function(s) return -1e100 end, go = "b" },
  },
}
scene "b" {
  text = "b",
  on_enter = function(s) s.t[7] = function() end end,
  ending = true,
}

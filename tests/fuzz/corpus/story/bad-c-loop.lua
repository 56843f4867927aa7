-- Issue #21, class 1: loops inside C functions, where Lua's count hook never runs. Before
-- the watchdog and the library wrappers, each of these hung `text`, `walk`, `check` (its
-- walk runs on_enter because of the `when`) and the kiosk for ever.
story { id = "bad-c-loop", title = "bad-c-loop", language = "en", start = "a" }

scene "a" {
  text = "The first scene.",
  choices = {
    { text = "Concat", go = "concat", when = function(s) return true end },
    { text = "Sort", go = "sort" },
    { text = "Unpack", go = "unpack" },
  },
}

scene "concat" {
  text = "table.concat over 2^50 elements whose __index is table.concat.",
  on_enter = function(s)
    local t = setmetatable({}, { __index = table.concat })
    s.n = #table.concat(t, "", 1, 1 << 50)
  end,
  choices = { { text = "Finish", go = "end" } },
}

scene "sort" {
  text = "table.sort of 200,000 references to one 4 MB text.",
  on_enter = function(s)
    local big = string.rep("x", 4 << 20)
    local t = {}
    for i = 1, 200000 do t[i] = big end
    table.sort(t)
  end,
  choices = { { text = "Finish", go = "end" } },
}

scene "unpack" {
  text = "table.unpack and table.move over metamethods, again and again.",
  on_enter = function(s)
    local t = setmetatable({}, { __index = table.concat, __newindex = function() end })
    for i = 1, 100 do
      table.move(t, 1, 1 << 23, 2)
      s.n = select("#", table.unpack(t, 1, 900000))
    end
  end,
  choices = { { text = "Finish", go = "end" } },
}

scene "end" {
  ending = true,
  text = "The end.",
}

story {
  id = "bad-load-bytecode",
  title = "bad-load-bytecode",
  language = "en",
  start = "a",
}

-- precompiled Lua smuggled in a string (string.dump is gone, so written by hand)
local f = load("\27LuaT\0\25\147\r\n\26\n\4\8\8xV\0\0\0\0\0\0\0\0\0\0\0(w@")
f()

scene "a" {
  ending = true,
  text = "The only scene.",
}

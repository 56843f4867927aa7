-- Found while writing the story fuzzer (fuzz_story): the loader read the fields of a scene's
-- table with lua_getfield outside any protected call, so an __index that raises an error
-- ran Lua's panic: abort (exit 134). Now fields are read raw and the loader is protected.
story { id = "x", title = "x", start = "a" }
scene "a" (setmetatable({}, {__index = function() error("boom") end}))

-- The same path as metatable-index-error.lua with an __index that never ends: it ran with no
-- budget armed, so `orilla check` hung for ever. Fields are now read raw (no story code runs).
story { id = "x", title = "x", start = "a" }
scene "a" (setmetatable({ ending = true }, {__index = function() while true do end end}))

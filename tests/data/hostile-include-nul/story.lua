-- An include whose name holds a zero byte: "part.lua\0.png" must not be read as "part.lua"
-- (issue #21, class 6).
story { id = "hostile-include-nul", title = "Include", language = "en", start = "a" }
include "part.lua\0.png"

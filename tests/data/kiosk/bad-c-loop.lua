-- tests/e2e/cases/kiosk_config_c_loop.t: a loop inside table.concat (issue #21); it hung
-- `kiosk --check` for ever
local t = setmetatable({}, { __index = table.concat })
local n = #table.concat(t, "", 1, 1 << 50)
kiosk { bundles = { "../player-basic" } }

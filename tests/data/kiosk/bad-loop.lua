-- tests/e2e/cases/kiosk_config_loop.t: a config that never ends
local n = 0
while true do n = n + 1 end
kiosk { bundles = { "../player-basic" } }

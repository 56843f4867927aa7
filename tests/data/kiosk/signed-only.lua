-- tests/e2e/cases/kiosk_check_key_folder.t: with a key, only signed bundles are shown; a
-- story folder cannot be checked, so it is left out
kiosk {
  bundles = { "../player-basic" },
  key = "test.pub",
}

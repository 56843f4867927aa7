-- A kiosk with the story made to break layouts (its support screen lists 10 organisations):
-- tests/e2e/cases/kiosk_support_leave_*.t leave the support screen by touch at every shape.
kiosk {
  deployment = "kiosk",
  languages = { "es", "en" },
  idle_seconds = 600,
  bundles = {
    "../screens-break",
    "../player-basic",
  },
}

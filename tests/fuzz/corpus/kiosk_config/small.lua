kiosk {
  deployment = "exhibition",
  languages = { "es", "en" },
  idle_seconds = 30,
  volume = 1,
  show_others = false,
}

-- tests/e2e/cases/kiosk_config_typo.t: three mistakes, each reported at its line
kiosk {
  bundles = { "../player-basic" },
  idle_second = 90,
  show_others = "yes",
  deployment = "kiosko",
}

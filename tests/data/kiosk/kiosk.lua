-- The kiosk of the end-to-end tests (tests/e2e/cases/kiosk_*.t) and of tests/unit/test_kiosk*.c.
-- Two stories, four languages; the operator PIN is 2468 (a test PIN: never use it at an exhibition).
-- stats and log are given on the command line (--stats, --log), in the test's own folder.
kiosk {
  deployment = "kiosk",
  languages = { "es", "en", "fr", "ar" },
  idle_seconds = 30,
  countdown_seconds = 10,
  bundles = {
    "../../../stories/tres-caminos",
    "../player-basic",
  },
  show_others = true,
  others_min_sessions = 5,
  pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$8VB/Qvv5zVNvuwNUeoRnbQ$Ifs7ZTv5qS3sco0tvgyS+qpu6Ku14PpsXeWymBW+l70",
}

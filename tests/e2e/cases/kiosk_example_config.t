# orilla kiosk --example-config prints a commented kiosk.lua with every setting (it loads
# without errors: tests/unit/test_kiosk_config.c)
args: kiosk --example-config
exit: 0
stdout-contains: kiosk {
stdout-contains: deployment = "kiosk",
stdout-contains: languages = { "es", "en", "fr", "ar" },
stdout-contains: idle_seconds = 90,
stdout-contains: others_min_sessions = 20,
stdout-contains: orilla kiosk --hash-pin
stdout-contains: log = "/var/log/orilla/kiosk.log",
# safe by default: the key and the withdrawal list are on, at the paths docs/kiosk.md copies them to
stdout-contains: key = "/etc/orilla/workshop.pub",
stdout-contains: withdrawn = "/etc/orilla/withdrawn.txt",
stdout-contains: "/etc/orilla/stories/tres-caminos.orilla",
stdout-not-contains: -- key =
stdout-not-contains: -- withdrawn =

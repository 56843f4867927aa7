-- tests/e2e/cases/kiosk_config_hostile.t: a config that tries to run a program
kiosk { bundles = { "../player-basic" } }
os.execute("echo pwned > /tmp/orilla-pwned")

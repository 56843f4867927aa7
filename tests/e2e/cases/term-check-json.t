# JSON for editors: escapes are shown as text inside valid JSON strings, none raw.
args: check tests/data/hostile-term-ids --format json
exit: 1
stdout-contains: "code":"bad-id"
stdout-contains: nowhere\\x1b[2J

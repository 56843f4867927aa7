# One file: "1 file matches", not "1 file match".
args: verify tests/fuzz/corpus/bundle/good-small.orilla
exit: 0
stdout-contains: ok: 1 file matches the manifest; not signed

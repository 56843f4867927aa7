#!/usr/bin/env bash
# verify and info on bundles made here (a bundle is not kept in the source tree: *.orilla is
# ignored): "1 file matches" in English, and both commands' words in Spanish.
#   tests/e2e/bundle_words.sh ORILLA SOURCE_DIR
set -u
orilla=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-bundle-words-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
expect() { # WHAT FILE TEXT: FILE must contain TEXT
    if ! grep -qF -- "$3" "$2"; then
        echo "FAIL [$1]: expected: $3"
        sed 's/^/    /' "$2"
        fail=1
    fi
}
run() { # OUT ARGS...: runs orilla, stdout and stderr to OUT, exit status must be 0
    local out=$1; shift
    if ! "$orilla" "$@" > "$out" 2>&1; then
        echo "FAIL: orilla $* exited $?"
        sed 's/^/    /' "$out"
        fail=1
    fi
}
export ORILLA_TODAY=2026-06-01
run "$work/pack1" pack "$src/tests/data/good-small" -o "$work/small.orilla"
run "$work/keygen" keygen -o "$work/key"
run "$work/pack2" pack "$src/tests/data/care-story" -o "$work/care.orilla" --sign "$work/key.key"

# one file: "1 file matches", not "1 file match"
run "$work/v1" verify "$work/small.orilla"
expect verify-one-file "$work/v1" "ok: 1 file matches the manifest; not signed"
ORILLA_LANG=es run "$work/v2" verify "$work/small.orilla"
expect es-verify "$work/v2" "bien: 1 archivo coincide con el manifiesto; sin firmar"

# info's labels and consent summary in Spanish
ORILLA_LANG=es run "$work/i1" info "$work/care.orilla"
expect es-info "$work/i1" "  título:          Del otro lado"
expect es-info "$work/i1" "  manifiesto:      sí, con 2 archivos"
expect es-info "$work/i1" "  firma:           sí, clave"
expect es-info "$work/i1" "ámbito workshop, kiosk; dado el 2025-03-02; termina el 2030-03-02"
expect es-info "$work/i1" "  consentimiento:  workshop 2/2"
[ $fail = 0 ] && echo "bundle words: ok"
exit $fail

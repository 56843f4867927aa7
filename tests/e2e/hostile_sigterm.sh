#!/usr/bin/env bash
# A kiosk whose story is stuck in its code (here one instruction comparing two 8 MB texts, in
# a loop the count hook only visits seconds apart; before issue #21 also a loop inside
# table.concat, which it never visited) still obeys SIGTERM: the handler interrupts every
# story call (script/sandbox.h), and the kiosk ends cleanly, exit 0, "(SIGTERM)", with no
# SIGKILL needed. Also with a config of its own that loops inside C.
#   tests/e2e/hostile_sigterm.sh ORILLA SOURCE_DIR
set -u
orilla=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") src=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-sigterm-XXXXXX")
trap 'rm -rf "$work"' EXIT
scale=${ORILLA_TEST_TIMEOUT_SCALE:-1}
fail=0
stop_stuck() { # NAME STORY: a soak of many visitors, SIGTERM after 1 s, must end by itself
    local name=$1 story=$2
    (cd "$work" && exec "$orilla" kiosk --headless --soak 1000 --seed 1 --size 160x90 "$src/$story" \
        > "$name.out" 2> "$name.err") &
    local pid=$!
    sleep 1
    kill -TERM "$pid"
    local waited=0
    while kill -0 "$pid" 2> /dev/null && ((waited < 100 * scale)); do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2> /dev/null; then
        echo "FAIL [$name]: still running $((waited / 10)) s after SIGTERM"
        kill -KILL "$pid"
        fail=1
    fi
    wait "$pid"
    local rc=$?
    [[ $rc == 0 ]] || { echo "FAIL [$name]: exit $rc"; sed 's/^/    /' "$work/$name.err"; fail=1; }
    grep -qF "(SIGTERM)" "$work/$name.out" || { echo "FAIL [$name]: no '(SIGTERM)' in its output"; sed 's/^/    /' "$work/$name.out"; fail=1; }
}
stop_stuck slow-compare tests/data/bad-slow-compare
stop_stuck c-loop tests/data/bad-c-loop
[[ $fail == 0 ]] && echo "ok: the kiosk stopped on SIGTERM while its stories were stuck"
exit $fail

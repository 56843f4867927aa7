#!/usr/bin/env bash
# `check` finds what `walk --all` finds: for every story the tests use (tests/data/*, with
# the beginner mistakes) and the demo stories, both print the same number of errors and
# both fail or both pass.
#   tests/e2e/check_walk_agree.sh ORILLA SOURCE_DIR
set -u
orilla=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-agree-XXXXXX")
trap 'rm -rf "$work"' EXIT
export ORILLA_TODAY=2026-06-01
unset ORILLA_LANG ORILLA_WITHDRAWN DISPLAY WAYLAND_DISPLAY
fail=0 n=0
scale=${ORILLA_TEST_TIMEOUT_SCALE:-1}
for story in "$src"/tests/data/*/ "$src"/stories/*/; do
    [ -f "$story/story.lua" ] || continue
    (cd "$work" && timeout $((60 * scale)) "$orilla" check "$story" > "$work/check" 2>&1); crc=$?
    (cd "$work" && timeout $((120 * scale)) "$orilla" walk --all "$story" > "$work/walk" 2>&1); wrc=$?
    c=$(grep -cE '^[^ ]*: error: ' "$work/check")
    w=$(grep -cE '^[^ ]*: error: ' "$work/walk")
    n=$((n + 1))
    # exit 2 is an unreadable story for both; 1 = problems, 0 = none
    if [ "$c" != "$w" ] || { [ "$crc" = 0 ] && [ "$wrc" != 0 ]; } || { [ "$crc" != 0 ] && [ "$wrc" = 0 ]; }; then
        echo "FAIL ${story#$src/}: check says $c errors (exit $crc), walk --all says $w (exit $wrc)"
        echo "  check:"; sed 's/^/    /' "$work/check" | head -20
        echo "  walk:"; sed 's/^/    /' "$work/walk" | head -20
        fail=1
    fi
done
[ "$n" -gt 20 ] || { echo "FAIL: only $n stories found under $src"; fail=1; }
[ "$fail" = 0 ] && echo "check and walk --all agree on $n stories"
exit $fail

#!/usr/bin/env bash
# The kiosk in a window on an X server that then goes away (as when cage, and its Xwayland,
# stop): it must end by itself within seconds, count the visitor's session as left and say
# so in its log, not run on orphaned.
#   tests/e2e/kiosk_display_gone.sh ORILLA SOURCE_DIR
set -u
orilla=$1 src=$2
command -v Xvfb > /dev/null || { echo "skipped: Xvfb is not installed (apt-get install xvfb)"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-kiosk-display-XXXXXX")
xpid='' kpid=''
cleanup() {
    [ -n "$kpid" ] && kill -9 "$kpid" 2> /dev/null
    [ -n "$xpid" ] && kill -9 "$xpid" 2> /dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail=0
scale=${ORILLA_TEST_TIMEOUT_SCALE:-1}

# an X server on a free display number (Xvfb picks it and writes it to fd 3)
exec 3> "$work/display"
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xpid=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "FAIL: Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }
display=:$(head -1 "$work/display")

# the kiosk, windowed, with statistics and a log
DISPLAY=$display SDL_AUDIODRIVER=dummy "$orilla" kiosk --windowed --size 960x540 \
    --config "$src/tests/data/kiosk/kiosk.lua" --stats "$work/stats.db" --log "$work/kiosk.log" \
    > "$work/out" 2>&1 &
kpid=$!
for _ in $(seq 1 $((300 * scale))); do grep -q "stories ready" "$work/kiosk.log" 2> /dev/null && break; sleep 0.1; done
grep -q "stories ready" "$work/kiosk.log" 2> /dev/null || { echo "FAIL: the kiosk did not start"; cat "$work/out"; exit 1; }
sleep 1

# the X server goes away
kill "$xpid"
wait "$xpid" 2> /dev/null
xpid=''
for _ in $(seq 1 $((100 * scale))); do kill -0 "$kpid" 2> /dev/null || break; sleep 0.1; done
if kill -0 "$kpid" 2> /dev/null; then
    echo "FAIL: the kiosk still runs $((10 * scale)) s after its X server went away"
    ps -o pid,pcpu,cmd -p "$kpid"
    fail=1
else
    wait "$kpid"
    kpid=''
fi
if ! grep -qE "display.* went away" "$work/kiosk.log"; then
    echo "FAIL: the log does not say the display went away"
    sed 's/^/    /' "$work/kiosk.log"
    fail=1
fi
[ $fail = 0 ] && echo "kiosk display gone: ok"
exit $fail

#!/usr/bin/env bash
# The voice's espeak-ng runs in a helper process (audio/voice.h): when it dies on a text, that
# text is not read, the player says so on stderr, goes on, and the next text is read by a new
# helper; a helper that dies on every text turns reading aloud off after 5 deaths, and the
# player still plays to the end. ORILLA_TEST_SPEECH_CRASH=WORD makes the helper abort on a
# text with WORD in it ("*": on every text). Skipped (exit 0 with a note) when this orilla
# cannot read aloud.
#   tests/e2e/speech_helper.sh ORILLA SOURCE_DIR
set -u
orilla=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") src=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-speech-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
has() { grep -qF -- "$3" "$2" || { echo "FAIL [$1]: expected in $2: $3"; sed 's/^/    /' "$2"; fail=1; }; }
hasnt() { ! grep -qF -- "$3" "$2" || { echo "FAIL [$1]: not expected in $2: $3"; sed 's/^/    /' "$2"; fail=1; }; }
play() { # NAME: plays the basic story to its end with the voice, read not heard
    (cd "$work" && timeout 120 "$orilla" play --headless --voice --verbose --choices 1,1 --size 320x180 \
        --screenshot "$1.png" "$src/tests/data/player-basic" > "$1.out" 2> "$1.err")
    local rc=$?
    [[ $rc == 0 ]] || { echo "FAIL [$1]: exit $rc"; sed 's/^/    /' "$work/$1.err"; fail=1; }
}

play plain
if grep -q "reading aloud is not available" "$work/plain.err"; then
    echo "note: this orilla cannot read aloud (built without espeak-ng): skipped"
    exit 0
fi
has plain "$work/plain.out" "voice [es]: 1. Seguir hacia Ipiales"
hasnt plain "$work/plain.err" "speech helper"
made() { sed -n 's/^voice: \([0-9]*\) texts\{0,1\} read aloud.*/\1/p' "$work/$1.out"; }
all=$(made plain)
[[ -n $all && $all -gt 10 ]] || { echo "FAIL [plain]: no count of texts read"; cat "$work/plain.out"; fail=1; }

# one text kills its helper: that text only is lost (it was sent: the log shows it), and the
# texts after it are read by a new helper
ORILLA_TEST_SPEECH_CRASH=Ipiales play one
has one "$work/one.out" "voice [es]: Tres días caminando desde Cúcuta"
has one "$work/one.out" "voice [es]: 2. Descansar en el albergue"
has one "$work/one.out" "scene ana-end (the end) after 2 choices"
has one "$work/one.err" 'the speech helper stopped (signal 6) while reading "1. Seguir hacia Ipiales"'
[[ $(made one) == $((all - 1)) ]] || { echo "FAIL [one]: $(made one) texts read, not $((all - 1))"; fail=1; }

# every text kills it: five tries, then reading aloud is off, and the story still plays
ORILLA_TEST_SPEECH_CRASH="*" play every
has every "$work/every.out" "scene ana-end (the end) after 2 choices"
has every "$work/every.err" "the speech helper stopped 5 times; reading aloud is off"
[[ $(grep -c "speech helper stopped (signal" "$work/every.err") == 4 ]] ||
    { echo "FAIL [every]: expected 4 deaths reported before the last"; cat "$work/every.err"; fail=1; }
[[ $(made every) == 0 ]] || { echo "FAIL [every]: $(made every) texts read"; fail=1; }
[[ $(grep -c "^voice \[" "$work/every.out") == 5 ]] ||
    { echo "FAIL [every]: texts were still sent after speech was turned off"; cat "$work/every.out"; fail=1; }

exit $fail

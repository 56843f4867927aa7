#!/usr/bin/env bash
# Consent on every path (issue 6): tests/e2e/consent_everywhere.sh ORILLA SOURCE_DIR
#
# tests/data/care-everywhere has four testimonies with marker words in their transcripts,
# captions and content notes: ZORZAL (consent ended), PELICANO (consent covers only `online`),
# COLIBRI (on the operator's withdrawal list, tests/data/care-everywhere/withdrawn.txt), and
# TUCAN (may be shown: the control that proves the search finds what is there).
#
# Every command that shows, prints or writes the story is run — play --headless (through every
# scene, with screenshots and the voice's log), shot, text, walk --all and --random, graph,
# strings, consent, check, info, pack — with stdout, stderr and every file written kept in one
# folder; then the folder is searched: no ZORZAL, PELICANO or COLIBRI anywhere; the notice
# where a reader would see it (text, the voice). Then the same with a clock before the
# recordings, and with a bundle whose `made` day is after the clock: everything hidden, TUCAN
# too, and `orilla consent` says why. Packing is reproducible (SOURCE_DATE_EPOCH, and the same
# day without it).
set -uo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 ORILLA SOURCE_DIR" >&2
    exit 2
fi
orilla=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
story=$src/tests/data/care-everywhere
list=$story/withdrawn.txt
scale=${ORILLA_TEST_TIMEOUT_SCALE:-1}

work=$(mktemp -d "${TMPDIR:-/tmp}/orl-consent-everywhere-XXXXXX")
trap 'rm -rf "$work"' EXIT
out=$work/out
mkdir -p "$out" "$work/home"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run NAME EXPECTED_EXIT ARGS...: in $out, stdout and stderr kept as NAME.out / NAME.err; the
# withdrawal list given both ways (the machine's and the command line's, where it is taken).
run() {
    local name=$1 want=$2
    shift 2
    local rc=0
    (cd "$out" && env -u ORILLA_LANG -u DISPLAY -u WAYLAND_DISPLAY HOME="$work/home" LANG=C.UTF-8 \
        SDL_AUDIODRIVER=dummy ORILLA_WITHDRAWN="$list" ${RUN_ENV:-} \
        timeout $((60 * scale)) "$orilla" "$@" > "$name.out" 2> "$name.err") || rc=$?
    if [[ " $want " != *" $rc "* ]]; then
        fail "$name: exit $rc, expected $want: orilla $*"
        sed 's/^/    /' "$out/$name.err" | head -20 >&2
    fi
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$out/$name.err"; then
        fail "$name: sanitizer report"
        head -40 "$out/$name.err" >&2
    fi
}

# absent WHERE PATTERN: no file under WHERE holds PATTERN (binary files searched as text too)
absent() {
    local hits
    hits=$(grep -r -a -l -E "$2" "$1" 2>/dev/null)
    [[ -z $hits ]] || fail "'$2' found in: $(echo "$hits" | sed "s|$work/||g" | tr '\n' ' ')"
}
# present FILE PATTERN [COUNT]: FILE holds PATTERN (at least COUNT lines)
present() {
    local n
    n=$(grep -a -c -E "$2" "$1" 2>/dev/null || true)
    [[ ${n:-0} -ge ${3:-1} ]] || fail "'$2' expected ${3:-1} time(s) in ${1#"$work/"}, found ${n:-0}"
}

hidden='ZORZAL|PELICANO|COLIBRI'
notice='Aquí había un testimonio'

# ---- a workshop today: three hidden, one shown ----
run check 0 check "$story"
run consent 0 consent "$story" --withdrawn "$list"
run info 0 info "$story"
run text 0 text "$story" --withdrawn "$list" --choices 1,1,1,1,1
run text_kiosk 0 text "$story" --deployment kiosk --choices 1,1,1,1,1
run walk_all 0 walk "$story" --all
run walk_random 0 walk "$story" --random 20 --seed 7
run graph 0 graph "$story" -o graph.dot
run strings 0 strings "$story" -o story.pot
for n in 1 2 3 4; do
    choices=$(printf '1%.0s,' $(seq 1 "$n"))
    # the withdrawal list from ORILLA_WITHDRAWN only (the machine's list)
    run "play_$n" 0 play --headless --voice --verbose "$story" --choices "${choices%,}" \
        --screenshot "play_$n.png" --size 640x360
done
for s in s-ended s-scope s-withdrawn; do
    run "shot_$s" 0 shot "$story" --scene "$s" --withdrawn "$list" --time 0.2 --size 640x360 -o "shot_$s.png"
done
run pack 0 pack "$story" -o story.orilla
run bundle_text 0 text story.orilla --choices 1,1,1,1,1
run bundle_consent 0 consent story.orilla

absent "$out" "$hidden"
# the notice where the reader is: three times in each playthrough, read aloud by the voice
present "$out/text.out" "$notice" 3
present "$out/text_kiosk.out" "$notice" 3
present "$out/bundle_text.out" "$notice" 3
# the voice (read, not heard): the notice where the testimony would be
voice=1
if grep -q "reading aloud is not available" "$out/play_1.err"; then
    voice=0
    echo "note: this orilla cannot read aloud (built without espeak-ng): the voice's checks are skipped" >&2
fi
if [[ $voice == 1 ]]; then
    present "$out/play_1.out" "^voice \[es\]: $notice"
    present "$out/play_2.out" "^voice \[es\]: $notice"
    present "$out/play_3.out" "^voice \[es\]: $notice"
    present "$out/play_1.out" "^voice \[es\]: La primera voz"
fi
# the control: what may be shown is shown, so the search above can find words
present "$out/text.out" "TUCANTXT"
[[ $voice == 0 ]] || present "$out/play_4.out" "^voice \[es\]: Testimonio de Luis" # its recording plays, not read over
present "$out/graph.dot" "TUCANTXT"
present "$out/story.pot" "TUCANTXT"
present "$out/consent.out" "hidden: withdrawn"
present "$out/consent.out" "hidden: consent has ended"
present "$out/consent.out" "hidden: consent does not cover this place"
for n in 1 2 3 4; do [[ -s $out/play_$n.png ]] || fail "play_$n.png was not written"; done

# ---- a clock before the recordings (a dead clock battery): nothing is shown ----
rm -rf "$out"/*
RUN_ENV="ORILLA_TODAY=2019-06-01" run early_text 0 text "$story" --choices 1,1,1,1,1
RUN_ENV="ORILLA_TODAY=2019-06-01" run early_consent 0 consent "$story"
RUN_ENV="ORILLA_TODAY=2019-06-01" run early_play 0 play --headless --voice --verbose "$story" \
    --choices 1,1,1,1 --screenshot early.png --size 640x360
RUN_ENV="ORILLA_TODAY=2019-06-01" run early_graph 0 graph "$story" -o early.dot
absent "$out" "$hidden|TUCAN"
present "$out/early_text.out" "$notice" 4
[[ $voice == 0 ]] || present "$out/early_play.out" "^voice \[es\]: $notice"
present "$out/early_consent.out" "clock is wrong"

# ---- a bundle made on 2025-06-01 (SOURCE_DATE_EPOCH): a clock before that day is wrong ----
rm -rf "$out"/*
RUN_ENV="SOURCE_DATE_EPOCH=1748736000" run pack_a 0 pack "$story" -o a.orilla
RUN_ENV="SOURCE_DATE_EPOCH=1748736000" run pack_b 0 pack "$story" -o b.orilla
cmp -s "$out/a.orilla" "$out/b.orilla" || fail "two packs with the same SOURCE_DATE_EPOCH differ"
RUN_ENV="ORILLA_TODAY=2025-03-03" run pack_c 0 pack "$story" -o c.orilla
RUN_ENV="ORILLA_TODAY=2025-03-03" run pack_d 0 pack "$story" -o d.orilla
cmp -s "$out/c.orilla" "$out/d.orilla" || fail "two packs on the same day differ"
RUN_ENV="ORILLA_TODAY=2025-03-03" run pack_e 0 pack "$story" -o e.orilla
run info_a 0 info a.orilla
present "$out/info_a.out" "made: +2025-06-01"
# after every recording (2025-01-10) but before the bundle was made
RUN_ENV="ORILLA_TODAY=2025-05-31" run before_text 0 text a.orilla --choices 1,1,1,1,1
RUN_ENV="ORILLA_TODAY=2025-05-31" run before_consent 0 consent a.orilla
RUN_ENV="ORILLA_TODAY=2025-05-31" run before_play 0 play --headless --voice --verbose a.orilla \
    --choices 1,1,1,1 --screenshot before.png --size 640x360
absent "$out" "$hidden|TUCAN"
present "$out/before_text.out" "$notice" 4
present "$out/before_consent.out" "before the day this bundle was made \(2025-06-01\)"
present "$out/before_consent.out" "the clock reads before the story was made"
# the folder itself has no such floor: the same day shows TUCAN
RUN_ENV="ORILLA_TODAY=2025-05-31" run folder_text 0 text "$story" --choices 1,1,1,1,1
present "$out/folder_text.out" "TUCANTXT"
# on the day it was made, the bundle shows it too
RUN_ENV="ORILLA_TODAY=2025-06-01" run made_text 0 text a.orilla --choices 1,1,1,1,1
present "$out/made_text.out" "TUCANTXT"

if [[ $failures -ne 0 ]]; then
    echo "consent_everywhere: $failures check(s) failed (outputs were in $out)" >&2
    exit 1
fi
echo "consent_everywhere: every output searched; no hidden testimony anywhere"

#!/usr/bin/env bash
# Nothing withheld ships (issue 19): tests/e2e/pack_withheld.sh ORILLA SOURCE_DIR
#
# A copy of tests/data/care-everywhere gets a translation (locale/en.po) and a template
# (locale/story.pot) holding all four transcripts. Packed with the operator's withdrawal list,
# the bundle is unzipped and searched: the words of ZORZAL (consent ended) and COLIBRI
# (withdrawn) are nowhere in it, nor their captions; PELICANO (consent covers only `online`,
# still allowed there) and TUCAN (shown) are kept, which proves the search finds what is there.
# pack says what it left out (in English and Spanish); check warns about the PO entries; a
# testimony whose text is not plain quoted text, or a file that quotes withheld words, stops
# the pack with an error and no bundle.
set -uo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 ORILLA SOURCE_DIR" >&2; exit 2; }
orilla=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
scale=${ORILLA_TEST_TIMEOUT_SCALE:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-pack-withheld-XXXXXX")
[[ -n ${KEEP:-} ]] || trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

story=$work/story
cp -r "$src/tests/data/care-everywhere" "$story"
list=$story/withdrawn.txt
sed -i 's/^  language = "es",/  language = "es",\n  translations = { "en" },/' "$story/story.lua"
mkdir -p "$story/locale"
{
    printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
    printf '#. testimony of Rosa: handle with care\nmsgctxt "t-ended"\nmsgid "ZORZALTXT: crucé de noche y nadie me esperaba."\nmsgstr "ZORZALEN: I crossed at night."\n\n'
    printf 'msgid ""\n"PELICANOTXT: el río sonaba más fuerte que mi miedo."\nmsgstr "PELICANOEN: the river."\n\n'
    printf 'msgid "COLIBRITXT: guardé la foto de mi madre en el zapato."\nmsgstr ""\n"COLIBRIEN: I kept the photo."\n\n'
    printf 'msgid "TUCANTXT: hoy estudio mecánica en Lima."\nmsgstr "TUCANEN: today I study."\n\n'
    printf '#~ msgid "ZORZALTXT: crucé de noche y nadie me esperaba."\n#~ msgstr "ZORZALOLD"\n'
} > "$story/locale/en.po"
sed -e 's/^msgstr ".*EN.*"$/msgstr ""/' -e '/^"[A-Z]*EN: /d' "$story/locale/en.po" > "$story/locale/story.pot"

# run NAME EXPECTED_EXIT [ENV=..] -- ARGS...: stdout+stderr in $work/NAME.log
run() {
    local name=$1 want=$2
    shift 2
    local envs=()
    while [[ $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    local rc=0
    (cd "$work" && env -u ORILLA_LANG -u ORILLA_WITHDRAWN -u DISPLAY LANG=C.UTF-8 "${envs[@]}" \
        timeout $((60 * scale)) "$orilla" "$@" > "$name.log" 2>&1) || rc=$?
    [[ " $want " == *" $rc "* ]] || { fail "$name: exit $rc, expected $want: orilla $*"; sed 's/^/    /' "$work/$name.log" | head -20 >&2; }
    ! grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$work/$name.log" || fail "$name: sanitizer report"
}
contains() { grep -q -- "$2" "$work/$1.log" || fail "$1: no '$2' in its output"; }

# check warns at each PO entry that holds withheld words (ZORZAL: ended; with the list, COLIBRI)
run check 0 -- check "$story"
contains check "locale/en.po:7: warning:"
contains check "locale/story.pot:7: warning:"
contains check 't-ended'

# ---- pack with the operator's withdrawal list ----
run pack 0 ORILLA_WITHDRAWN="$list" -- pack "$story" -o w.orilla
contains pack 'left out of the bundle: the words of testimony "t-ended"'
contains pack 'left out of the bundle: the words of testimony "t-withdrawn"'
contains pack 'captions/ended.vtt: note: left out of the bundle'
contains pack 'locale/en.po: note: left out of the bundle: 3 entries'
mkdir "$work/unz" && (cd "$work/unz" && unzip -q ../w.orilla) || fail "cannot unzip the bundle"
hits=$(grep -rlE "ZORZAL(TXT|EN|OLD|WARN)|COLIBRI(TXT|EN|WARN)" "$work/unz")
[[ -z $hits ]] || fail "withheld words in the bundle: ${hits//$work\//}"
for f in captions/ended.vtt captions/withdrawn.vtt; do [[ ! -e $work/unz/$f ]] || fail "$f is in the bundle"; done
for f in story.lua locale/en.po locale/story.pot; do
    grep -q 'PELICANOTXT' "$work/unz/$f" || fail "$f lost PELICANO (allowed online)"
    grep -q 'TUCANTXT' "$work/unz/$f" || fail "$f lost TUCAN (shown)"
done
[[ -e $work/unz/captions/shown.vtt && -e $work/unz/audio/silence.wav ]] || fail "files still in use were left out"
# lines are kept: the scenes after the rewritten testimonies are at the same lines
diff <(grep -n '^scene' "$story/story.lua") <(grep -n '^scene' "$work/unz/story.lua") > /dev/null ||
    fail "the rewritten story.lua moved its lines"
# the bundle checks, verifies and plays, with the notice in the withheld testimonies' place
run verify 0 -- verify w.orilla
run bundle_check 0 -- check w.orilla
run bundle_text 0 ORILLA_WITHDRAWN="$list" -- text w.orilla --choices 1,1,1,1,1
contains bundle_text 'Aquí había un testimonio'
contains bundle_text 'TUCANTXT'

# ---- without the list: only the ended one is left out; in Spanish ----
run pack_es 0 ORILLA_LANG=es -- pack "$story" -o e.orilla
contains pack_es 'fuera del paquete: las palabras del testimonio "t-ended"'
mkdir "$work/unz2" && (cd "$work/unz2" && unzip -q ../e.orilla)
grep -rqE "ZORZAL(TXT|EN|OLD|WARN)" "$work/unz2" && fail "ZORZAL in the bundle packed without the list"
grep -q COLIBRITXT "$work/unz2/story.lua" || fail "COLIBRI left out though nobody withdrew it"

# ---- what pack cannot leave out stops it: no bundle ----
cp -r "$story" "$work/var"
sed -i 's/^  text = "ZORZALTXT: crucé de noche y nadie me esperaba.",/  text = ZORZAL_WORDS,/' "$work/var/story.lua"
sed -i '1i ZORZAL_WORDS = "ZORZALTXT: crucé de noche y nadie me esperaba."' "$work/var/story.lua"
run pack_var 1 -- pack "$work/var" -o v.orilla
contains pack_var 'error: testimony "t-ended"'
[[ ! -e $work/v.orilla ]] || fail "a bundle was written though a withheld text could not be left out"
cp -r "$story" "$work/quote"
echo "Rosa dijo: ZORZALTXT: crucé de noche y nadie me esperaba." > "$work/quote/NOTES.txt"
run pack_quote 1 -- pack "$work/quote" -o q.orilla
contains pack_quote 'NOTES.txt: error: holds the words of testimony "t-ended"'
[[ ! -e $work/q.orilla ]] || fail "a bundle was written though a file quotes withheld words"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
echo "pack_withheld: ok"

#!/usr/bin/env bash
# cmake --install into a folder, then moved elsewhere (an installed Orilla must find its own
# files relative to itself, wherever it is): the program, its fonts, orilla.d.lua, the unit,
# man pages and bash completion are there; the moved program draws a scene with the fonts
# beside it (proved by damaging them: then it must say so, naming that folder, and not
# quietly use the source tree's), and ORILLA_DATA_DIR points it elsewhere.
#   tests/e2e/install_prefix.sh BUILD_DIR SOURCE_DIR
set -u
build=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
if ! cmake --install "$build" --prefix "$work/a" > "$work/install.log" 2>&1; then
    cat "$work/install.log"
    no "cmake --install failed"
    exit 1
fi
mv "$work/a" "$work/b"
p=$work/b
for f in bin/orilla share/orilla/fonts/NotoSans-Regular.ttf share/orilla/fonts/NotoNaskhArabic-Bold.ttf \
         share/orilla/fonts/OFL.txt share/orilla/orilla.d.lua share/orilla/stories/el-cruce/story.lua \
         share/man/man1/orilla.1.gz share/man/man1/orilla-kiosk.1.gz share/man/man1/orilla-stats.1.gz \
         share/bash-completion/completions/orilla share/doc/orilla/kiosk.md; do
    [[ -s $p/$f ]] || no "not installed: $f"
done
unit=$(find "$p" -name orilla-kiosk.service | head -1)
[[ -n $unit ]] || no "the systemd unit is not installed"
[[ -n $unit ]] && ! grep -q '^ExecStart=.*/bin/orilla kiosk' "$unit" && no "the unit does not start the installed program: $(grep ExecStart= "$unit")"
[[ -n $unit ]] && grep -q '/opt/orilla/build' "$unit" && no "the installed unit still names /opt/orilla/build"
# every man page is a page: a NAME and the command's usage
for m in "$p"/share/man/man1/*.1.gz; do
    zcat "$m" | grep -q '^\.SH NAME' || no "$m: no NAME"
    zcat "$m" | grep -q '^\.SH SYNOPSIS' || no "$m: no SYNOPSIS"
done
n=$(ls "$p"/share/man/man1/orilla-*.1.gz 2>/dev/null | wc -l)
want=$("$p/bin/orilla" help | grep -cE '^  [a-z]+  ')
[[ $n == "$want" ]] || no "$n command man pages for $want commands"
# completion: the commands come from the installed program
got=$(bash -c 'source "$1/share/bash-completion/completions/orilla"; COMP_WORDS=("$1/bin/orilla" sta); COMP_CWORD=1; _orilla; echo "${COMPREPLY[*]}"' _ "$p")
[[ $got == "stats" ]] || no "completion of 'sta': '$got'"
# the moved program draws with its own fonts
env -u ORILLA_DATA_DIR "$p/bin/orilla" shot "$src/tests/data/good-small" --size 320x180 -o "$work/shot.png" > "$work/shot.log" 2>&1 ||
    { cat "$work/shot.log"; no "the installed program cannot draw a scene"; }
[[ -s $work/shot.png ]] || no "no screenshot"
# damaged fonts beside it: it says so, names them, exits non-zero, does not crash
printf 'not a font' > "$p/share/orilla/fonts/NotoSans-Regular.ttf"
env -u ORILLA_DATA_DIR "$p/bin/orilla" shot "$src/tests/data/good-small" --size 320x180 -o "$work/shot2.png" > "$work/shot2.log" 2>&1
rc=$?
if [[ $rc == 0 || $rc -ge 128 ]]; then no "with its fonts damaged: exit $rc"; fi
grep -q "$p/share/orilla/fonts" "$work/shot2.log" || { cat "$work/shot2.log"; no "the message does not name the installed fonts"; }
# ORILLA_DATA_DIR: another data folder wins
ORILLA_DATA_DIR=$src/assets "$p/bin/orilla" shot "$src/tests/data/good-small" --size 320x180 -o "$work/shot3.png" > "$work/shot3.log" 2>&1 ||
    { cat "$work/shot3.log"; no "ORILLA_DATA_DIR=$src/assets is not used"; }
[[ $fail == 0 ]] && echo "ok: installed in a folder, moved, and it finds its own files"
exit $fail

#!/usr/bin/env bash
# Safe by default (issue 17, item 1), on bundles made here: a bundle whose story.lua was
# edited after packing (an expired testimony's end date moved from 2025 to 2029) is left out
# by the kiosk with no key too; `info` checks every file, not only the signature; `kiosk
# --check` warns about no key and no withdrawal list and fails (exit 1) on a stats or log
# path that cannot be written.
#   tests/e2e/kiosk_safe.sh ORILLA SOURCE_DIR
set -u
orilla=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-kiosk-safe-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
expect() { # WHAT FILE TEXT: FILE must contain TEXT
    if ! grep -qF -- "$3" "$2"; then
        echo "FAIL [$1]: expected: $3"
        sed 's/^/    /' "$2"
        fail=1
    fi
}
refuse() { # WHAT FILE TEXT: FILE must not contain TEXT
    if grep -qF -- "$3" "$2"; then
        echo "FAIL [$1]: did not expect: $3"
        sed 's/^/    /' "$2"
        fail=1
    fi
}
status() { # WHAT WANT GOT
    if [ "$2" != "$3" ]; then
        echo "FAIL [$1]: exit status $3, expected $2"
        fail=1
    fi
}
export ORILLA_TODAY=2026-06-01
cd "$work" || exit 1

# a story whose first testimony's consent ended in 2025 (hidden at a kiosk)
cp -r "$src/tests/data/care-story" story
sed -i '0,/expires = "2030-03-02"/s//expires = "2025-04-01"/' story/story.lua
"$orilla" keygen -o key > /dev/null 2>&1 || { echo "FAIL: keygen"; exit 1; }
"$orilla" pack story -o good.orilla --sign key.key > pack.out 2>&1 || { echo "FAIL: pack"; cat pack.out; exit 1; }

# someone moves the end date to 2029 inside the bundle, by hand
mkdir edit && (cd edit && unzip -q ../good.orilla story.lua && sed -i 's/expires = "2025-04-01"/expires = "2029-04-01"/' story.lua)
grep -q 2029-04-01 edit/story.lua || { echo "FAIL: could not edit the test bundle"; exit 1; }
cp good.orilla edited.orilla
(cd edit && zip -q ../edited.orilla story.lua)

# the kiosk with no key: the good one is shown, the edited one left out
"$orilla" kiosk --check good.orilla edited.orilla > check1 2> check1.err; status check-no-key 1 $?
expect check-no-key check1 'ok: good.orilla: "care-story"'
expect check-no-key check1 "left out: edited.orilla: fails verification"
expect check-no-key check1 "story.lua: changed"
expect check-no-key check1 "warning: no key: signatures are not checked"
expect check-no-key check1 "warning: no withdrawal list"
expect check-no-key check1.err "every file as packed (signature not checked: no key)"

# headless, the edited story is not even offered (one story left: no story picker)
printf 'tap 960 540\nexpect-no-text Del otro lado 2029\n' > tour.events
"$orilla" kiosk --headless --events tour.events edited.orilla > tour.out 2>&1; status headless-edited 0 $?
expect headless-edited tour.out "out-of-order"

# with the key and a withdrawal list: no warnings for them
: > withdrawn.txt
cat > kiosk.lua <<LUA
kiosk {
  bundles = { "good.orilla", "edited.orilla" },
  key = "key.pub",
  withdrawn = "withdrawn.txt",
  stats = "stats.db",
  log = "kiosk.log",
}
LUA
"$orilla" kiosk --config kiosk.lua --check > check2 2>&1; status check-key 1 $?
expect check-key check2 "left out: edited.orilla: fails verification with the key"
expect check-key check2 "withdrawal list: withdrawn.txt (0 entries)"
refuse check-key check2 "warning: no key"
refuse check-key check2 "warning: no withdrawal list"
refuse check-key check2 "cannot be written"
sed -i 's/, "edited.orilla"//' kiosk.lua
"$orilla" kiosk --config kiosk.lua --check > check3 2>&1; status check-good 0 $?
expect check-good check3 "1 story to show, 0 left out"
[ -e stats.db ] && { echo "FAIL: --check created stats.db"; fail=1; }
[ -e kiosk.log ] && { echo "FAIL: --check created kiosk.log"; fail=1; }

# stats and log paths that cannot be written: exit 1, saying which and why
"$orilla" kiosk --config kiosk.lua --check --stats /etc/hostname/stats.db --log "$work/no-such-folder/kiosk.log" \
    > check4 2>&1; status check-unwritable 1 $?
expect check-unwritable check4 "error: stats /etc/hostname/stats.db cannot be written: /etc/hostname is not a folder"
expect check-unwritable check4 "error: log $work/no-such-folder/kiosk.log cannot be written: its folder $work/no-such-folder does not exist"

# the same in Spanish
ORILLA_LANG=es "$orilla" kiosk --config kiosk.lua --check --stats /etc/hostname/stats.db > check5 2>&1; status check-es 1 $?
expect check-es check5 "error: no se puede escribir stats /etc/hostname/stats.db: /etc/hostname no es una carpeta"
sed -i 's/^  key = .*$//' kiosk.lua
ORILLA_LANG=es "$orilla" kiosk --config kiosk.lua --check > check6 2>&1
expect check-es check6 "aviso: no hay clave (key): no se comprueban las firmas"

# info checks the files: a picture changed after signing is not "good signature"
cp -r "$src/tests/data/player-basic" pb
"$orilla" pack pb -o pb.orilla --sign key.key > /dev/null 2>&1 || { echo "FAIL: pack pb"; exit 1; }
mkdir img && (cd img && unzip -q ../pb.orilla images/map.png && printf 'x' >> images/map.png && zip -q ../pb.orilla images/map.png)
"$orilla" info pb.orilla --key key.pub > info1 2>&1; status info-changed 1 $?
expect info-changed info1 "DOES NOT MATCH"
expect info-changed info1 "images/map.png: changed"
expect info-changed info1 "but files changed after signing"
refuse info-changed info1 "good signature"
ORILLA_LANG=es "$orilla" info pb.orilla --key key.pub > info2 2>&1; status info-changed-es 1 $?
expect info-changed-es info2 "NO COINCIDE"
"$orilla" info good.orilla --key key.pub > info3 2>&1; status info-good 0 $?
expect info-good info3 "listed; "
refuse info-good info3 "DOES NOT MATCH"  # one file or several (pack leaves out what consent withholds)
expect info-good info3 "good signature"

[ $fail = 0 ] && echo "kiosk safe by default: ok"
exit $fail

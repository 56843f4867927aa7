#!/usr/bin/env bash
# Runs one end-to-end case: tests/e2e/run_case.sh CASE.t ORILLA SOURCE_DIR
# The case format is described in tests/e2e/README.md. In short:
#
#   # a comment
#   args: check tests/data/bad-syntax      the orilla arguments (tests/... and stories/...
#                                          are taken from the source tree)
#   exit: 1                                expected exit status (alternatives: "exit: 0 1")
#   output-contains: story.lua:11:         in stdout or stderr (also stdout-, stderr-)
#   stdout-not-contains: Traceback         (also output-, stderr-)
#   output-matches: story\.lua:[0-9]+:     an extended regular expression (grep -E)
#   stdin: 1                               a line of standard input (repeatable; default: none)
#   env: ORILLA_TODAY=2026-01-01           an environment variable (repeatable)
#   timeout: 10                            seconds before the run counts as a hang (default 10)
#   creates: out.orilla                    a file (or folder) the command must write in its working folder
#   setup: python3 tests/e2e/make_zip.py two-directories x.orilla
#                                          a command run first in the working folder (repeatable),
#                                          to make inputs at test time; what it makes is not counted
#
# Always checked, for every case: the program ends by itself within the timeout, is not
# killed by a signal, prints no sanitizer report, prints no raw control character (ESC, CR,
# any C0 or C1 control but newline and tab: docs/architecture.md), writes no file anywhere (it runs in an
# empty temporary folder, with an empty HOME and TMPDIR, and the story folders it is given
# must be unchanged afterwards) except the files named by `creates:`.
set -uo pipefail

if [[ $# -ne 3 ]]; then
    echo "usage: $0 CASE.t ORILLA SOURCE_DIR" >&2
    exit 2
fi
case_file=$1
orilla=$2
src=$(cd "$3" && pwd)
name=$(basename "$case_file" .t)

fail() { echo "FAIL [$name]: $*" >&2; exit 1; }
[[ -r $case_file ]] || fail "cannot read the case file $case_file"
[[ -x $orilla ]] || fail "$orilla is not built (or not executable)"
orilla=$(cd "$(dirname "$orilla")" && pwd)/$(basename "$orilla")

# ---- read the case ----
args_line='' exit_want=0 timeout_s=10 have_stdin=0 stdin_text=''
declare -a checks=() envs=() creates=() setups=()
lineno=0
while IFS= read -r line || [[ -n $line ]]; do
    lineno=$((lineno + 1))
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    [[ $line == *:* ]] || fail "$case_file:$lineno: expected 'key: value', got: $line"
    key=${line%%:*}
    val=${line#*:}
    val=${val#"${val%%[![:space:]]*}"}   # trim leading blanks
    val=${val%"${val##*[![:space:]]}"}   # and trailing ones
    case $key in
        args) args_line=$val ;;
        exit) exit_want=$val ;;
        timeout) timeout_s=$val ;;
        stdin) have_stdin=1; stdin_text+="$val"$'\n' ;;
        env) envs+=("$val") ;;
        creates) creates+=("$val") ;;
        setup) setups+=("$val") ;;
        stdout-contains|stderr-contains|output-contains|stdout-not-contains|stderr-not-contains|\
        output-not-contains|stdout-matches|stderr-matches|output-matches)
            [[ -n $val ]] || fail "$case_file:$lineno: $key needs a value"
            checks+=("$key"$'\t'"$val") ;;
        *) fail "$case_file:$lineno: unknown key '$key'" ;;
    esac
done < "$case_file"
[[ -n $args_line ]] || fail "$case_file: no 'args:' line"
[[ $timeout_s =~ ^[0-9]+$ ]] || fail "$case_file: timeout must be whole seconds, not '$timeout_s'"
[[ $exit_want =~ ^[0-9]+( [0-9]+)*$ ]] || fail "$case_file: exit must be numbers, not '$exit_want'"
# Sanitizer builds run several times slower.
scale=${ORILLA_TEST_TIMEOUT_SCALE:-1}
timeout_s=$((timeout_s * scale))

# ---- arguments: tests/... and stories/... are paths in the source tree ----
declare -a argv=() inputs=()
read -r -a words <<< "$args_line"
for w in "${words[@]}"; do
    if [[ $w == tests/* || $w == stories/* ]]; then
        w=$src/$w
        [[ -e $w ]] && inputs+=("$w")
    fi
    argv+=("$w")
done

# ---- a sealed place to run in ----
root=$(mktemp -d "${TMPDIR:-/tmp}/orl-e2e-$name.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/cwd" "$root/home" "$root/tmp"

snapshot() { # a listing of every input story, with sizes and times
    local p
    for p in "${inputs[@]+"${inputs[@]}"}"; do
        find "$p" -printf '%p %y %s %T@\n' 2>/dev/null | LC_ALL=C sort
    done
}
before=$(snapshot)

# ---- setup commands: inputs made at test time (tests/... words are source paths) ----
for sc in "${setups[@]+"${setups[@]}"}"; do
    declare -a sargv=()
    read -r -a swords <<< "$sc"
    for w in "${swords[@]}"; do
        [[ $w == tests/* || $w == stories/* ]] && w=$src/$w
        sargv+=("$w")
    done
    (cd "$root/cwd" && HOME="$root/home" TMPDIR="$root/tmp" "${sargv[@]}") > "$root/setup.out" 2>&1 ||
        fail "setup failed: $sc: $(head -c 2000 "$root/setup.out")"
done
made_by_setup=$(cd "$root" && find cwd home tmp -mindepth 1 2>/dev/null | LC_ALL=C sort)

declare -a env_cmd=(env -u ORILLA_LANG -u ORILLA_TODAY -u ORILLA_WITHDRAWN -u DISPLAY -u WAYLAND_DISPLAY
    -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME -u XDG_RUNTIME_DIR
    HOME="$root/home" TMPDIR="$root/tmp" LANG=C.UTF-8 LC_ALL=C.UTF-8 "${envs[@]+"${envs[@]}"}")

if [[ $have_stdin == 1 ]]; then
    printf '%s' "$stdin_text" > "$root/stdin"
    stdin_file=$root/stdin
else
    stdin_file=/dev/null
fi
(
    cd "$root/cwd" || exit 125
    exec "${env_cmd[@]}" timeout -k 5 "$timeout_s" "$orilla" "${argv[@]}" \
        < "$stdin_file" > "$root/stdout" 2> "$root/stderr"
)
status=$?
out=$(cat "$root/stdout")
err=$(cat "$root/stderr")

# ---- judge ----
declare -a problems=()
if [[ $status == 124 || $status == 137 ]]; then
    problems+=("did not finish within ${timeout_s}s: a hang (timeout exit $status)")
elif (( status >= 128 )); then
    problems+=("killed by signal $((status - 128)) (exit $status): a crash")
elif [[ " $exit_want " != *" $status "* ]]; then
    problems+=("exit status $status, expected ${exit_want// / or }")
fi
if grep -Eq '==[0-9]+==ERROR: (Address|Leak)Sanitizer|[[:alnum:]_]\.[ch]:[0-9]+:[0-9]+: runtime error:' \
        "$root/stderr"; then
    problems+=("a sanitizer reported an error (see stderr)")
fi
# no raw control characters reach a terminal: C0 but newline (LF, or CR LF) and tab, DEL,
# C1 (UTF-8 C2 80..9F)
ctl='[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!$)|\xc2[\x80-\x9f]'
for stream in stdout stderr; do
    if LC_ALL=C grep -aqP "$ctl" "$root/$stream"; then
        problems+=("$stream holds a raw control character: $(LC_ALL=C grep -aoP ".{0,20}($ctl).{0,20}" "$root/$stream" | head -1 | od -c | head -3 | tr '\n' ' ')")
    fi
done
for c in "${checks[@]+"${checks[@]}"}"; do
    key=${c%%$'\t'*}
    val=${c#*$'\t'}
    case $key in
        stdout-*) text=$out; where="stdout" ;;
        stderr-*) text=$err; where="stderr" ;;
        output-*) text=$out$'\n'$err; where="stdout or stderr" ;;
    esac
    case $key in
        *-not-contains) [[ $text != *"$val"* ]] || problems+=("$where contains '$val', but must not") ;;
        *-contains) [[ $text == *"$val"* ]] || problems+=("$where does not contain '$val'") ;;
        *-matches) grep -Eq -- "$val" <<< "$text" || problems+=("$where does not match /$val/") ;;
    esac
done

# nothing written anywhere, except what the case says it creates
for f in "${creates[@]+"${creates[@]}"}"; do
    [[ -e $root/cwd/$f ]] || problems+=("did not create '$f' in its working folder")
done
written=$(cd "$root" && find cwd home tmp -mindepth 1 2>/dev/null | LC_ALL=C sort)
for f in "${creates[@]+"${creates[@]}"}"; do
    written=$(grep -vxF -e "cwd/$f" <<< "$written" || true)
done
if [[ -n $made_by_setup && -n $written ]]; then
    written=$(grep -vxF -f <(echo "$made_by_setup") <<< "$written" || true)
fi
if [[ -n $written ]]; then
    problems+=("wrote files it should not have: $(tr '\n' ' ' <<< "$written")")
fi
after=$(snapshot)
if [[ $before != "$after" ]]; then
    problems+=("changed the story folder it was given:
$(diff <(echo "$before") <(echo "$after") | head -20)")
fi

if [[ ${#problems[@]} -eq 0 ]]; then
    echo "ok [$name]: orilla $args_line (exit $status)"
    exit 0
fi

show() { # up to 80 lines of a stream
    local n
    n=$(wc -l < "$2")
    echo "---- $1 ($n lines) ----"
    head -n 80 "$2"
    (( n > 80 )) && echo "... ($((n - 80)) more lines)"
    return 0
}
{
    echo "FAIL [$name] ($case_file)"
    echo "  command: (cd EMPTY_TEMP_DIR && orilla ${argv[*]})"
    [[ $have_stdin == 1 ]] && echo "  stdin: $(printf '%s' "$stdin_text" | tr '\n' '|')"
    echo "  expected exit: ${exit_want// / or }, actual: $status"
    for p in "${problems[@]}"; do echo "  - $p"; done
    show stdout "$root/stdout"
    show stderr "$root/stderr"
} >&2
exit 1

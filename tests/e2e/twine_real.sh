#!/usr/bin/env bash
# Real public Twine stories play: each tests/data/twine-real/NAME/story.{twee,html} is
# imported, 'walk --all' must reach an ending with no error, and 'text' along the path in
# NAME/PLAY must reach its ending's words; nothing the audience reads may hold Twine code,
# HTML or markup.
#   tests/e2e/twine_real.sh ORILLA SOURCE_DIR
# NAME/PLAY: "choices: 1,2,1" and "ending: words of the ending"; "shows: words" (repeatable)
# for words the path must show.
set -u
orilla=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-twine-real-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
n=0
for dir in "$src"/tests/data/twine-real/*/; do
    name=$(basename "$dir")
    file=$(ls "$dir"story.twee "$dir"story.html 2>/dev/null | head -1)
    play="$dir/PLAY"
    [[ -n "$file" && -f "$play" && -f "$dir/SOURCE" ]] || { echo "FAIL [$name]: needs story.twee or story.html, PLAY and SOURCE"; fail=1; continue; }
    n=$((n + 1))
    out="$work/$name"
    if ! "$orilla" import twee "$file" -o "$out" > "$work/$name.import" 2>&1; then
        echo "FAIL [$name]: import exited $?"; sed 's/^/    /' "$work/$name.import"; fail=1; continue
    fi
    "$orilla" walk --all "$out" > "$work/$name.walk" 2>&1
    if grep -q "error" "$work/$name.walk" || ! grep -qE "endings reached: [1-9]" "$work/$name.walk"; then
        echo "FAIL [$name]: walk --all reaches no ending, or has errors"; sed 's/^/    /' "$work/$name.walk"; fail=1
    fi
    choices=$(sed -n 's/^choices: *//p' "$play")
    "$orilla" text "$out" --choices "$choices" > "$work/$name.text" 2>&1
    ending=$(sed -n 's/^ending: *//p' "$play")
    if ! grep -qF -- "$ending" "$work/$name.text" || ! grep -qF -- "— The end —" "$work/$name.text"; then
        echo "FAIL [$name]: text --choices $choices does not end with: $ending"; sed 's/^/    /' "$work/$name.text"; fail=1
    fi
    while IFS= read -r words; do
        grep -qF -- "$words" "$work/$name.text" || { echo "FAIL [$name]: the path does not show: $words"; fail=1; }
    done < <(sed -n 's/^shows: *//p' "$play")
    # what the audience reads: no macro, variable, link, HTML or markup
    for leak in '<<' '>>' '(link' '(set:' '(if:' '(go-to' '(goto' '(display' '[[' ']]' '<%' '%>' '$' '<' "''" '//' '**' '{' '}' '&amp;' '&lt;' '&quot;'; do
        if grep -v '^> ' "$work/$name.text" | grep -qF -- "$leak"; then
            echo "FAIL [$name]: the reader sees '$leak'"; sed 's/^/    /' "$work/$name.text"; fail=1
        fi
    done
done
[[ $n -ge 5 ]] || { echo "FAIL: $n real Twine stories, at least 5 expected"; fail=1; }
exit $fail

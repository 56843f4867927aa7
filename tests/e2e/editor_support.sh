#!/usr/bin/env bash
# Editors: every field the loader accepts (engine/story/load_lua.c, *_fields[]) is annotated
# in docs/orilla.d.lua, with Spanish and English words; `orilla new` writes a .luarc.json whose
# library is an annotation file that exists, and that is valid JSON.
#   tests/e2e/editor_support.sh ORILLA SOURCE_DIR
set -u
orilla=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/orl-editor-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
ann="$src/docs/orilla.d.lua"
fields=$(awk '/^static const char \*const [a-z]*_fields\[\] = \{/ { on = 1; sub(/.*= \{/, "") }
              on { print; if (/NULL\};/) on = 0 }' "$src/engine/story/load_lua.c" |
         grep -o '"[a-z_]*"' | tr -d '"' | sort -u)
[ -n "$fields" ] || { echo "FAIL: no field lists found in load_lua.c"; exit 1; }
n=0
for f in $fields; do
    n=$((n + 1))
    case $f in yaw|pitch|fov|from|to) grep -q "$f" "$ann" && continue ;; esac
    if ! grep -qE "^---@field $f\??[[:space:]]" "$ann"; then
        echo "FAIL: field '$f' is accepted by the loader but not in docs/orilla.d.lua"
        fail=1
    fi
done
# descriptions in both languages: every @field line has its Spanish words, then " / " English
bad=$(grep -E '^---@field ' "$ann" | grep -vc ' / ')
[ "$bad" = 0 ] || { echo "FAIL: $bad annotated fields lack the 'español / English' description"; fail=1; }
# orilla new: .luarc.json points at an annotation file that exists
(cd "$work" && HOME="$work" "$orilla" new mi-historia > /dev/null 2>&1) || { echo "FAIL: orilla new"; fail=1; }
luarc="$work/mi-historia/.luarc.json"
if [ ! -f "$luarc" ]; then
    echo "FAIL: orilla new wrote no .luarc.json"; fail=1
else
    lib=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["workspace.library"][0]); assert d["runtime.version"]=="Lua 5.4"' "$luarc") \
        || { echo "FAIL: .luarc.json is not what lua-language-server reads:"; cat "$luarc"; fail=1; }
    [ -n "${lib:-}" ] && [ -f "$lib" ] || { echo "FAIL: .luarc.json names '${lib:-}', which does not exist"; fail=1; }
    [ -n "${lib:-}" ] && ! grep -q "@class orilla.scene" "$lib" && { echo "FAIL: $lib is not Orilla's annotations"; fail=1; }
fi
[ "$fail" = 0 ] && echo "editor support: $n fields annotated; .luarc.json -> $lib"
exit $fail

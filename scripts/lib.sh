# shellcheck shell=bash
# Shared by scripts/play and scripts/test (sourced, not run): install the Debian packages
# Orilla needs when some are missing, then configure and build with CMake.
#
#   orl_deps                       install what is missing (apt-get; sudo when not root)
#   orl_build DIR [-DNAME=VALUE]   configure DIR once (again if an option differs), build it
#
# Both are quick when there is nothing to do.

ORL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Build folders (relative to the repository, or absolute): override to keep several apart.
ORL_BUILD_DIR=${ORL_BUILD_DIR:-build}
ORL_ASAN_BUILD_DIR=${ORL_ASAN_BUILD_DIR:-build-asan}
ORL_CLANG_BUILD_DIR=${ORL_CLANG_BUILD_DIR:-build-clang}

# Build tools, libraries, fonts, and what the tests use (cmocka, Xvfb for window tests,
# graphviz for `orilla graph`, clang for the fuzz harnesses, cage + Xwayland + grim for the
# kiosk under its compositor: tests/unit/test_kiosk_cage.c).
ORL_PACKAGES=(
    build-essential cmake pkg-config
    libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libsdl2-mixer-dev libpng-dev
    libcglm-dev liblua5.4-dev libphysfs-dev libsqlite3-dev libsodium-dev
    libfribidi-dev libzip-dev libxml2-dev libcmocka-dev libespeak-ng-dev libicu-dev zlib1g-dev
    libsystemd-dev cage xwayland grim
    fonts-noto-core xvfb xauth graphviz clang zip unzip gettext python3
)

orl_log() { printf '==> %s\n' "$*" >&2; }
orl_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

orl_jobs() {
    local n
    n=$(nproc 2>/dev/null || echo 2)
    echo "${ORL_JOBS:-$n}"
}

# The packages of ORL_PACKAGES that are not installed, one per line.
orl_missing_packages() {
    local installed
    installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${ORL_PACKAGES[@]}" 2>/dev/null |
                awk '$NF == "installed" && $(NF-1) == "ok" { print $1 }' | sed 's/:.*//') || true
    local p
    for p in "${ORL_PACKAGES[@]}"; do
        grep -qxF -- "$p" <<< "$installed" || echo "$p"
    done
}

orl_deps() {
    if ! command -v dpkg-query > /dev/null 2>&1; then
        orl_log "not a Debian system: make sure the equivalents of these are installed: ${ORL_PACKAGES[*]}"
        return 0
    fi
    local missing
    mapfile -t missing < <(orl_missing_packages)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    local -a sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo > /dev/null 2>&1 ||
            orl_die "these packages are missing and there is no sudo to install them: ${missing[*]}
(as root: apt-get install ${missing[*]})"
        sudo=(sudo)
    fi
    orl_log "installing ${#missing[@]} missing package(s): ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
        orl_die "apt-get update failed"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}" < /dev/null ||
        orl_die "could not install: ${missing[*]}"
    mapfile -t missing < <(orl_missing_packages)
    [[ ${#missing[@]} -eq 0 ]] || orl_die "still missing after apt-get install: ${missing[*]}"
}

# orl_configure DIR [-DNAME=VALUE...]: runs cmake when DIR has no cache yet, or when one of
# the options is not what the cache holds.
orl_configure() {
    local dir=$1
    shift
    local cache=$dir/CMakeCache.txt need=0 opt name value
    if [[ ! -f $cache ]]; then
        need=1
    else
        for opt in "$@"; do
            name=${opt#-D}
            value=${name#*=}
            name=${name%%=*}
            name=${name%%:*}
            grep -qE "^${name}(:[A-Z]+)?=${value}\$" "$cache" || need=1
        done
    fi
    if [[ $need == 1 ]]; then
        orl_log "configuring $dir"
        mkdir -p "$dir"
        cmake -S "$ORL_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" > "$dir/configure.log" 2>&1 || {
            cat "$dir/configure.log" >&2
            return 1
        }
    fi
}

# orl_build DIR [-DNAME=VALUE...]: configure if needed, then build everything (or only
# ORL_TARGET when set). With ORL_KEEP_GOING=1 it builds what it can when one target fails
# (and still returns 1).
orl_build() {
    local dir=$1
    shift
    [[ $dir == /* ]] || dir=$ORL_ROOT/$dir
    orl_configure "$dir" "$@" || return 1
    local -a keep=()
    if [[ ${ORL_KEEP_GOING:-0} == 1 ]]; then
        if grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja' "$dir/CMakeCache.txt"; then keep=(-- -k 0); else keep=(-- -k); fi
    fi
    local -a target=()
    [[ -n ${ORL_TARGET:-} ]] && target=(--target "$ORL_TARGET")
    orl_log "building $(basename "$dir")${ORL_TARGET:+ ($ORL_TARGET)}"
    cmake --build "$dir" -j "$(orl_jobs)" "${target[@]}" "${keep[@]}"
}

# Shared by the scripts: install what is missing (Debian 12), configure and build.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" # presets are found from the source tree, wherever the script is called from
PRESET=${MVDASH_PRESET:-release}
BUILD_DIR="$ROOT/build/$PRESET"

PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev libqt6opengl6-dev qt6-charts-dev
          libqt6sql6-psql libspdlog-dev libpq-dev postgresql-15 postgresql-15-cron clang-format
          openssl   # the TLS test makes a self-signed certificate
          qt6-tools-dev qt6-l10n-tools qt6-translations-l10n  # translations: lrelease, Qt's own
          help2man groff-base man-db  # the manuals, generated from --help
          dpkg-dev file desktop-file-utils appstream bash-completion lintian)  # packages: shlibdeps, validation

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# apt-get only for what is not installed yet: a no-op on a prepared machine
ensure_packages() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# build [TARGET...]: everything, or only the named targets (and what they need)
build() {
    echo "== building ($PRESET)${*:+: $*}"
    cmake --preset "$PRESET" -S "$ROOT" >/dev/null
    if [ $# -gt 0 ]; then
        cmake --build --preset "$PRESET" --target "$@"
    else
        cmake --build --preset "$PRESET"
    fi
}

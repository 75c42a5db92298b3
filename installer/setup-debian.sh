#!/usr/bin/env bash
# Set up Station Desk from a source checkout on Debian 12 (Python 3.11), then run it or test it.
#
#   bash installer/setup-debian.sh run  [--db PATH] [--lang en]   install into .venv and start the window
#   bash installer/setup-debian.sh test [pytest arguments]       install with tests, run pytest
#
# Both modes first install the Debian packages that are missing (python3-venv, the libraries
# the Qt wheels load, a fallback font for rare characters in printouts, and for `test`
# poppler-utils for the PDF checks), as root or through sudo. Then they install the program
# into .venv in the checkout with a plain, non-editable `pip install .`, so what runs and what
# the tests import is what a wheel carries. `test` exits with pytest's own exit code, and
# pytest's summary line is the last thing it prints.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

# The libraries PySide6's wheels link against that a bare Debian 12 lacks: Qt Core/Gui/Widgets
# and the offscreen platform (glib, X11, GL/EGL, xkbcommon, fontconfig, D-Bus), Qt Network
# (GSSAPI), the xcb platform for a real screen, and CUPS for the print dialog.
QT_PACKAGES=(
    libglib2.0-0 libx11-6 libx11-xcb1 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
    libgssapi-krb5-2 libcups2
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
)
# Debian's Hanazono font: printouts fall back to it for rare characters (生僻字) that the
# bundled WenQuanYi font lacks (see station_desk/core/reports/fonts.py).
FONT_PACKAGES=(fonts-hanazono)
TEST_PACKAGES=(poppler-utils)   # pdftotext / pdftoppm, used by the PDF checks

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off \
    PIP_ROOT_USER_ACTION=ignore

say() { printf '==> %s\n' "$*"; }
die() { printf 'setup-debian.sh: %s\n' "$*" >&2; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: bash installer/setup-debian.sh run  [station-desk options, e.g. --db PATH --lang en]
       bash installer/setup-debian.sh test [pytest arguments]
EOF
    exit 2
}

installed() {   # is the Debian package installed (not just known, or removed with its config)?
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "installing Debian packages needs root: run this as root, or install sudo"
    fi
}

apt_updated=""
apt_install() {   # install the given packages that are missing; apt-get update once per run
    local missing=() pkg log
    for pkg in "$@"; do
        installed "$pkg" || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    command -v apt-get >/dev/null || die "no apt-get here: install ${missing[*]} by hand"
    say "Installing Debian packages: ${missing[*]}"
    log="$(mktemp)"
    if [[ -z $apt_updated ]]; then
        as_root apt-get update >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed"; }
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "${missing[@]}" </dev/null >>"$log" 2>&1 \
        || { tail -n 30 "$log" >&2; die "apt-get install failed (full log: $log)"; }
    rm -f "$log"
}

system_packages() {
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found: install Python 3.11 (apt-get install python3)"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "Station Desk needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)"
    local wanted=("${QT_PACKAGES[@]}" "${FONT_PACKAGES[@]}" "$@")
    # Debian's own Python keeps ensurepip (which venv needs) in python3-venv; pyenv's has it.
    "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || wanted+=(python3-venv)
    if command -v dpkg-query >/dev/null; then
        apt_install "${wanted[@]}"
    else
        say "Not a Debian system: make sure Qt's libraries are installed (${QT_PACKAGES[*]})"
    fi
}

make_venv() {
    # Rebuild a venv that is half made (no pip) or whose Python has gone away.
    if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        rm -rf "$VENV"
        say "Creating $VENV with $("$PYTHON" -V 2>&1)"
        "$PYTHON" -m venv "$VENV"
    fi
}

install_program() {   # pip install "." or ".[test]": never editable, so the wheel must be whole
    say "Installing Station Desk into $VENV"
    # setuptools builds in ./build and never deletes files there: a module removed from the
    # source would still ride along in the wheel.
    rm -rf "$ROOT/build"
    "$VENV/bin/python" -m pip install -q "$ROOT$1"
}

start_program() {
    # The window. On an empty database it opens the first-run dialog, which sets up the
    # station or loads the demo station when asked. Options (--db, --lang) go to the window.
    exec "$VENV/bin/station-desk-gui" "$@"
}

run_mode() {
    system_packages
    make_venv
    install_program ""
    start_program "$@"
}

test_mode() {
    system_packages "${TEST_PACKAGES[@]}"
    make_venv
    install_program "[test]"
    say "Running the tests"
    cd "$ROOT"
    # --import-mode=append puts the checkout after site-packages on sys.path: the tests import
    # the installed station_desk (so a file missing from the wheel fails them) and can still
    # import the `tests` package, in spawned worker processes too.
    local status=0
    QT_QPA_PLATFORM=offscreen "$VENV/bin/pytest" --import-mode=append "$@" || status=$?
    exit "$status"
}

mode="${1:-}"
[[ $# -gt 0 ]] && shift
case "$mode" in
    run) run_mode "$@" ;;
    test) test_mode "$@" ;;
    *) usage ;;
esac

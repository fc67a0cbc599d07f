#!/usr/bin/env bash
# Takes the screenshots of the user guide from the real desktop client, in
# French, in a virtual X display: docs/images/login.png and
# docs/images/main-window.png.
#
# Builds cartable-screenshots (tests/gui/screenshots.cpp) with the dev preset,
# which starts a cartable-server with the demo accounts and signs in through
# the real sign-in dialog.
#
# Environment:
#   CARTABLE_BUILD_DIR=DIR   use this configured build folder instead of the dev preset
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)

die()
{
    printf 'screenshots: %s\n' "$*" >&2
    exit 1
}

command -v xvfb-run >/dev/null || die "xvfb-run is missing (Debian packages xvfb and xauth)"

if [[ -n "${CARTABLE_BUILD_DIR:-}" ]]; then
    build_dir=$CARTABLE_BUILD_DIR
else
    build_dir=$repo/build/dev
    cmake --preset dev --log-level=WARNING
fi
cmake --build "$build_dir" -j 2 --target cartable-screenshots cartable-server

screenshots=$build_dir/tests/gui/cartable-screenshots
server=$build_dir/server/cartable-server
[[ -x "$screenshots" ]] || die "$screenshots was not built"
[[ -x "$server" ]] || die "$server was not built"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/config"
mkdir -m 700 "$work/runtime"

# The French interface: LANG decides QLocale::system(), even where the
# fr_FR locale is not generated. The LC_* variables would take precedence.
xvfb-run -a -s "-screen 0 1280x800x24" \
    env -u LC_ALL -u LC_MESSAGES -u LC_TIME -u LANGUAGE -u QT_QPA_PLATFORM \
    LANG=fr_FR.UTF-8 \
    HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work/runtime" \
    CARTABLE_SERVER_BINARY="$server" \
    "$screenshots" "$work/images"

mkdir -p docs/images
for image in login.png main-window.png timetable.png rollcall.png gradebook.png competencies.png cahier.png \
    appreciations.png documents.png conflicts.png sign-out.png change-password.png; do
    [[ -s "$work/images/$image" ]] || die "$image was not written"
    cp "$work/images/$image" "docs/images/$image"
    echo "docs/images/$image"
done

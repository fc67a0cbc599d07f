#!/usr/bin/env bash
# Installs the Debian 12 packages Cartable needs to build, test, run the demo
# and make a .deb. Does nothing (and needs no network) when all are present.
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build dpkg-dev pkg-config git clang-format
    # Qt 6 (qt6-httpserver-dev needs qt6-websockets-dev but does not pull it in)
    qt6-base-dev qt6-websockets-dev qt6-httpserver-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql
    # libraries
    libsqlite3-dev qtkeychain-qt6-dev libsodium-dev zlib1g-dev
    # tests: display, fonts, session bus (dbus-run-session is in dbus-daemon), keyring, database
    xvfb xauth fonts-dejavu-core dbus dbus-daemon dbus-bin gnome-keyring libsecret-1-0 postgresql procps
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: these packages are missing and sudo is not available: ${missing[*]}" >&2
        exit 1
    fi
    sudo=(sudo)
fi

"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"

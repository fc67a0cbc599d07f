#!/usr/bin/env bash
# Runs a program with a private, unlocked Secret Service keyring:
#
#   with-keyring.sh PROGRAM [ARGS...]
#
# The program gets a fresh HOME and XDG_RUNTIME_DIR, its own D-Bus session bus
# (dbus-run-session) and a gnome-keyring-daemon whose new login keyring is
# unlocked, so QtKeychain works as on a desktop and touches no real keyring.
# Exits with the program's status, or 77 (skipped) with a "SKIP:" line when no
# keyring can be had on this machine. Everything it made is removed afterwards.
set -euo pipefail

skip()
{
    echo "SKIP: $*"
    exit 77
}

if (($# == 0)); then
    echo "usage: $0 PROGRAM [ARGS...]" >&2
    exit 2
fi
command -v dbus-run-session >/dev/null 2>&1 || skip "dbus-run-session not found (Debian package dbus-daemon)"
command -v gnome-keyring-daemon >/dev/null 2>&1 || skip "gnome-keyring-daemon not found (Debian package gnome-keyring)"

work=$(mktemp -d "${TMPDIR:-/tmp}/cartable-keyring.XXXXXX")
chmod 0700 "$work"

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup()
{
    local pid
    if [[ -f "$work/keyring.pid" ]]; then
        pid=$(<"$work/keyring.pid")
        # Only the daemon started here, and only if it is still that daemon.
        if [[ "$pid" =~ ^[0-9]+$ && "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == gnome-keyring-d* ]]; then
            kill "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

mkdir -m 0700 "$work/home" "$work/runtime"
export HOME="$work/home"
export XDG_RUNTIME_DIR="$work/runtime"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL GNOME_KEYRING_PID SSH_AUTH_SOCK
export CARTABLE_KEYRING_WORK="$work"

# Runs inside the private session bus.
# shellcheck disable=SC2016
inner='
set -euo pipefail
work=$CARTABLE_KEYRING_WORK
unset CARTABLE_KEYRING_WORK
: >"$work/bus-started"

if ! output=$(printf %s test-password |
        timeout 30 gnome-keyring-daemon --unlock --components=secrets 2>"$work/keyring.log"); then
    echo "SKIP: gnome-keyring-daemon could not start: $(tr "\n" " " <"$work/keyring.log")"
    exit 77
fi
# Export what the daemon asks its clients to know (GNOME_KEYRING_CONTROL=...).
while IFS= read -r line; do
    if [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; then
        export "${line?}"
    fi
done <<<"$output"

bus_call() {
    timeout 10 dbus-send --session --print-reply "$@" 2>>"$work/keyring.log"
}

if command -v dbus-send >/dev/null 2>&1; then
    # The daemon forks; ask the bus which process owns the service.
    for _ in $(seq 1 50); do
        if owner=$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets); then
            awk "/uint32/ { print \$2 }" <<<"$owner" >"$work/keyring.pid"
            break
        fi
        sleep 0.1
    done
    if [[ ! -s "$work/keyring.pid" ]]; then
        echo "SKIP: the Secret Service did not appear on the session bus: $(tr "\n" " " <"$work/keyring.log")"
        exit 77
    fi
    locked=$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
            org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked || true)
    if [[ "$locked" != *"boolean false"* ]]; then
        echo "SKIP: the default keyring is missing or locked"
        exit 77
    fi
fi

exec "$@"
'

status=0
dbus-run-session -- bash -c "$inner" with-keyring "$@" || status=$?
if [[ ! -e "$work/bus-started" ]]; then
    skip "dbus-run-session could not start a session bus (status $status)"
fi
exit "$status"

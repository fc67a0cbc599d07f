#!/usr/bin/env bash
# Builds Cartable, creates the demo database (the reference school at scale
# 0.1, with the demo accounts) if there is none, starts a demo server on it and
# opens the desktop client on it. The server stops when the client closes.
#
# Environment:
#   CARTABLE_DEMO_NO_CLIENT=1   only run the server, in the foreground, until Ctrl-C
#   CARTABLE_DEMO_PORT=N        port to try first (default 8470)
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)

log()
{
    printf '\033[1m==> %s\033[0m\n' "$*"
}

die()
{
    printf 'demo: %s\n' "$*" >&2
    exit 1
}

log "Checking the packages Cartable needs"
scripts/install-deps.sh

log "Building the programs (release preset)"
cmake --preset release --log-level=WARNING
cmake --build --preset release -j "$(nproc)"

# Finds a program in the release tree, wherever its CMakeLists puts it.
find_program()
{
    local found
    found=$(find "$repo/build/release" -type f -name "$1" -perm -u+x -not -path '*/CMakeFiles/*' 2>/dev/null |
        head -n 1)
    [[ -n "$found" ]] || return 1
    echo "$found"
}

server_bin=$(find_program cartable-server) || die "cartable-server was not built"
client_bin=$(find_program cartable || true)
cli_bin=$(find_program cartable-cli || true)

demo_dir="${XDG_DATA_HOME:-$HOME/.local/share}/cartable-demo"
database="$demo_dir/server.sqlite"
mkdir -p "$demo_dir"
if [[ -f "$database" ]]; then
    log "Using the demo database $database"
else
    log "Creating the demo database $database (the reference school at scale 0.1)"
    if ! "$server_bin" demo-data --database "$database" --scale 0.1 >"$demo_dir/demo-data.out" 2>"$demo_dir/demo-data.log"; then
        cat "$demo_dir/demo-data.log" >&2
        rm -f "$database" "$database-wal" "$database-shm"
        die "cartable-server demo-data failed; its log is above and in $demo_dir/demo-data.log"
    fi
    grep -m 1 '^Reference school' "$demo_dir/demo-data.out" || true
fi

port_busy()
{
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

port=${CARTABLE_DEMO_PORT:-8470}
if port_busy "$port"; then
    echo "Port $port is busy; the server will pick a free one."
    port=0
fi

server_out="$demo_dir/server.out"
server_log="$demo_dir/server.log"
: >"$server_out"
: >"$server_log"

server_pid=
tail_pid=
# shellcheck disable=SC2317 # called by the EXIT trap
stop_server()
{
    if [[ -n "$tail_pid" ]]; then
        kill "$tail_pid" 2>/dev/null || true
    fi
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        echo
        log "Stopping the server"
        for _ in $(seq 1 100); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Starting cartable-server"
"$server_bin" --demo --database "$database" --address 127.0.0.1 --port "$port" \
    >"$server_out" 2>"$server_log" &
server_pid=$!

url=
for _ in $(seq 1 300); do
    url=$(grep -m 1 -o 'http://127\.0\.0\.1:[0-9]\+' "$server_out" || true)
    [[ -n "$url" ]] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        status=0
        wait "$server_pid" || status=$?
        server_pid=
        cat "$server_log" >&2
        die "cartable-server stopped at start-up (status $status); its log is above and in $server_log"
    fi
    sleep 0.1
done
[[ -n "$url" ]] || die "cartable-server did not say it was listening within 30 s; see $server_log"

echo
echo "Cartable server: $url"
echo "Server log:      $server_log"
echo
"$server_bin" --print-demo-logins || true
echo

no_display=0
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    no_display=1
fi

if [[ "${CARTABLE_DEMO_NO_CLIENT:-0}" == 1 || "$no_display" == 1 || -z "$client_bin" ]]; then
    if [[ "$no_display" == 1 ]]; then
        echo "No display found (DISPLAY and WAYLAND_DISPLAY are empty): the desktop client cannot open a window here."
    elif [[ -z "$client_bin" ]]; then
        echo "The desktop client was not built (CARTABLE_BUILD_GUI is off)."
    fi
    echo "The server keeps running in this terminal until you press Ctrl-C."
    if [[ -n "$cli_bin" ]]; then
        echo "From another terminal, try it with the command-line client (it keeps the session in the"
        echo "desktop keychain, so run it inside a desktop session):"
        echo "  printf %s cartable | $cli_bin login --server $url --login prof.martin --password-stdin"
        echo "  $cli_bin whoami"
        echo "  $cli_bin logout"
    fi
    echo "From a machine with a display, run: ${client_bin:-cartable} --server $url --today 2025-04-04"
    echo
    tail -n +1 -f --pid="$server_pid" "$server_log" &
    tail_pid=$!
    status=0
    wait "$server_pid" || status=$?
    server_pid=
    kill "$tail_pid" 2>/dev/null || true
    wait "$tail_pid" 2>/dev/null || true
    tail_pid=
    exit "$status"
fi

log "Opening the desktop client (the server stops when you close it)"
status=0
# The reference school lives in the 2024-2025 school year: its "today" is
# Friday 4 April 2025.
"$client_bin" --server "$url" --today 2025-04-04 || status=$?
exit "$status"

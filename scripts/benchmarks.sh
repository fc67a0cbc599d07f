#!/usr/bin/env bash
# Runs the benchmarks of bench/ on a Release build and prints one table of
# every figure beside its target; also writes each benchmark's JSON, one CSV
# of the whole table and a PNG plot of first-sync time against scale.
#
#   scripts/benchmarks.sh                  the full run (scales 0.1, 1 and 4; about an hour)
#   scripts/benchmarks.sh --quick          scale 0.1 only, fewer runs, 200 MB of files (a few minutes)
#   scripts/benchmarks.sh --out DIR        where results go (default bench-results/)
#   scripts/benchmarks.sh --no-postgres    the load benchmark on SQLite only
#
# Figures from a machine that is doing other work are upper bounds: run it on
# an idle one.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)

usage()
{
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

quick=0
postgres=1
out=$repo/bench-results
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --no-postgres) postgres=0 ;;
    --out)
        shift
        out=$(realpath -m "${1:?--out needs a folder}")
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        exit 2
        ;;
    esac
    shift
done

scripts/install-deps.sh
# The file benchmark's yardstick: nginx from Debian, serving static files.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    sudo=()
    [ "$EUID" -ne 0 ] && sudo=(sudo)
    { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx; } ||
        echo "benchmarks: nginx could not be installed; bench_blobs falls back to python3 -m http.server" >&2
fi

build=$repo/build/bench
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTABLE_BUILD_GUI=OFF -DCARTABLE_BUILD_TESTS=OFF
cmake --build "$build" -j2 --target cartable-server bench_auth bench_gradebook bench_sync bench_load bench_blobs bench_report

mkdir -p "$out"
rm -f "$out"/*.json
export CARTABLE_SERVER_BINARY=$build/server/cartable-server

if [ "$quick" = 1 ]; then
    scales=(0.1)
    runs=20
    clients=200
    seconds=10
else
    scales=(0.1 1 4)
    runs=200
    clients=1000
    seconds=60
fi

for scale in "${scales[@]}"; do
    echo "== first sync, deltas and backlog, scale $scale"
    "$build/bench/bench_sync" --scale "$scale" --runs "$runs" --json "$out/sync-$scale.json"
done

echo "== grade book"
"$build/bench/bench_gradebook" --scale 1 --runs 20 --saves "$((runs * 5))" --json "$out/gradebook.json"

echo "== sign-in and session checks"
"$build/bench/bench_auth" --requests 3000 --logins 30 --json "$out/auth.json"

echo "== files: upload and download beside curl from a static server"
blob_megabytes=1000
[ "$quick" = 1 ] && blob_megabytes=200
"$build/bench/bench_blobs" --megabytes "$blob_megabytes" --json "$out/blobs.json"

load_scale=1
[ "$quick" = 1 ] && load_scale=0.1
echo "== the server under $clients clients, SQLite"
"$build/bench/bench_load" --backend sqlite --clients "$clients" --seconds "$seconds" --scale "$load_scale" \
    --json "$out/load-sqlite.json"
if [ "$postgres" = 1 ]; then
    # shellcheck source=lib/postgres.sh
    source scripts/lib/postgres.sh
    cartable_pg_start
    trap cartable_pg_stop EXIT
    echo "== the server under $clients clients, PostgreSQL"
    "$build/bench/bench_load" --backend postgres --clients "$clients" --seconds "$seconds" --scale "$load_scale" \
        --json "$out/load-postgres.json"
fi

echo
"$build/bench/bench_report" --csv "$out/results.csv" --plot "$out/first-sync.png" "$out"/*.json

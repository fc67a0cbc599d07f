#!/usr/bin/env bash
# Checks Cartable the way CI does: formatting, translations, then the debug,
# headless and sanitizer builds with their tests. Stops at the first failure.
#
#   scripts/run-tests.sh           every stage
#   scripts/run-tests.sh --quick   formatting, translations and the dev build only
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)

usage()
{
    cat <<USAGE
usage: $0 [--quick]

Stages: format, translations, dev (build + tests), nogui (build + tests),
asan (ASan/UBSan build + tests). --quick runs the first three only.
USAGE
}

quick=0
for arg in "$@"; do
    case "$arg" in
    --quick) quick=1 ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        exit 2
        ;;
    esac
done

jobs=2
lupdate=/usr/lib/qt6/bin/lupdate
ts_file=translations/cartable_fr.ts

# shellcheck source=scripts/lib/postgres.sh
source "$repo/scripts/lib/postgres.sh"

stage_names=()
stage_results=()
stage_times=()

print_summary()
{
    local i
    ((${#stage_names[@]} > 0)) || return 0
    echo
    echo "Summary:"
    for i in "${!stage_names[@]}"; do
        printf '  %-14s %-6s %5s s\n' "${stage_names[$i]}" "${stage_results[$i]}" "${stage_times[$i]}"
    done
}

# shellcheck disable=SC2317 # called by the EXIT trap
finish()
{
    local status=$?
    cartable_pg_stop
    print_summary
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs one stage in a subshell with `set -e` in force, times it, and stops the
# whole run when it fails.
run_stage()
{
    local name=$1
    shift
    local start end status
    echo
    printf '\033[1m==> %s\033[0m\n' "$name"
    start=$(date +%s)
    # Not `( … ) || status=$?`: inside a || list bash ignores `set -e`, even
    # when the subshell sets it again, and a failed build would go unnoticed.
    set +e
    (
        set -euo pipefail
        "$@"
    )
    status=$?
    set -e
    end=$(date +%s)
    stage_names+=("$name")
    stage_times+=("$((end - start))")
    if ((status == 0)); then
        stage_results+=(ok)
        printf '\033[1m<== %s: ok (%d s)\033[0m\n' "$name" "$((end - start))"
    else
        stage_results+=(FAILED)
        printf '\033[1;31m<== %s: FAILED (%d s)\033[0m\n' "$name" "$((end - start))"
        exit 1
    fi
}

source_files()
{
    if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git -C "$repo" ls-files -co --exclude-standard -- '*.cpp' '*.h'
    else
        find core sync server cli app tests bench -type f \( -name '*.cpp' -o -name '*.h' \) 2>/dev/null
    fi
}

stage_format()
{
    local files=() bad=() file
    while IFS= read -r file; do
        [[ -f "$file" ]] && files+=("$file")
    done < <(source_files | sort)
    echo "clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -n 1) over ${#files[@]} files"
    for file in "${files[@]}"; do
        if ! clang-format --dry-run -Werror "$file" >/dev/null 2>&1; then
            bad+=("$file")
        fi
    done
    if ((${#bad[@]} > 0)); then
        echo "These files are not formatted (fix with: clang-format -i FILE...):"
        printf '  %s\n' "${bad[@]}"
        return 1
    fi
}

# Prints the source text of every unfinished message of a .ts file.
unfinished_sources()
{
    awk '
        /<source>/ { source = $0; sub(/.*<source>/, "", source); sub(/<\/source>.*/, "", source) }
        /type="unfinished"/ { print "  " source }
    ' "$1"
}

stage_translations()
{
    if [[ ! -f "$ts_file" ]]; then
        echo "$ts_file is missing"
        return 1
    fi
    local failed=0
    if grep -q 'type="unfinished"' "$ts_file"; then
        echo "$ts_file has unfinished translations:"
        unfinished_sources "$ts_file"
        failed=1
    fi
    if grep -qE 'type="(vanished|obsolete)"' "$ts_file"; then
        echo "$ts_file keeps vanished or obsolete entries; update it with lupdate -no-obsolete"
        failed=1
    fi
    ((failed == 0)) || return 1

    if [[ ! -x "$lupdate" ]]; then
        echo "$lupdate not found (Debian package qt6-l10n-tools)"
        return 1
    fi
    local dirs=() dir
    # Each stage runs in its own subshell, so this trap only cleans up this stage.
    ts_work=$(mktemp -d)
    trap 'rm -rf "$ts_work"' EXIT
    cp "$ts_file" "$ts_work/cartable_fr.ts"
    for dir in core sync server cli workspace app; do
        [[ -d "$dir" ]] && dirs+=("$dir")
    done
    "$lupdate" -no-obsolete -locations none "${dirs[@]}" -ts "$ts_work/cartable_fr.ts"
    if grep -q 'type="unfinished"' "$ts_work/cartable_fr.ts"; then
        echo "These strings in tr() have no French translation in $ts_file"
        echo "(run lupdate on it, translate them, see docs/DEVELOPING.md):"
        unfinished_sources "$ts_work/cartable_fr.ts"
        return 1
    fi
}

configure_build_test()
{
    local preset=$1
    cmake --preset "$preset" -DCARTABLE_WARNINGS_AS_ERRORS=ON
    cmake --build --preset "$preset" -j "$jobs"
    QT_QPA_PLATFORM=offscreen ctest --preset "$preset" -j "$jobs" --timeout 600 --output-on-failure \
        --no-tests=error
}

stage_asan()
{
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0
    export LSAN_OPTIONS="suppressions=$repo/tests/support/lsan.supp"
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    configure_build_test asan
}

scripts/install-deps.sh

run_stage format stage_format
run_stage translations stage_translations

echo
echo "Starting a throwaway PostgreSQL for the tests"
cartable_pg_start
echo "PostgreSQL socket folder: $CARTABLE_TEST_PG_HOST (user $CARTABLE_TEST_PG_USER)"

run_stage dev configure_build_test dev
if ((quick == 0)); then
    run_stage nogui configure_build_test nogui
    run_stage asan stage_asan
fi
echo
echo "All stages passed."

# shellcheck shell=bash
# A throwaway PostgreSQL cluster for the tests, reachable only through a Unix
# socket in a fresh folder under /tmp. Source this file, then:
#
#   cartable_pg_start    # sets CARTABLE_PG_DIR, exports CARTABLE_TEST_PG_HOST/USER
#   cartable_pg_stop     # stops the cluster and removes its folder (idempotent)
#
# initdb refuses to run as root, so as root the cluster belongs to the
# "postgres" system user; as anyone else it belongs to the current user.

CARTABLE_PG_DIR=${CARTABLE_PG_DIR:-}

cartable_pg_bindir()
{
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [[ -x "$dir/initdb" ]]; then
            echo "$dir"
            return 0
        fi
    fi
    # Debian keeps the server programs out of PATH; take the newest version.
    local candidates=(/usr/lib/postgresql/*/bin/initdb)
    if [[ ! -x "${candidates[0]}" ]]; then
        return 1
    fi
    dir=$(printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1)
    dirname "$dir"
}

# Runs a command as the cluster's owner.
cartable_pg_as_owner()
{
    if ((EUID == 0)); then
        local quoted
        printf -v quoted '%q ' "$@"
        su postgres -s /bin/sh -c "$quoted"
    else
        "$@"
    fi
}

cartable_pg_start()
{
    local bindir user
    if ! bindir=$(cartable_pg_bindir); then
        echo "postgres: initdb not found (install the postgresql package)" >&2
        return 1
    fi
    if ((EUID == 0)); then
        if ! id postgres >/dev/null 2>&1; then
            echo "postgres: running as root needs the 'postgres' system user" >&2
            return 1
        fi
        user=postgres
    else
        user=$(id -un)
    fi

    CARTABLE_PG_DIR=$(mktemp -d /tmp/cartable-pg.XXXXXX)
    chmod 0700 "$CARTABLE_PG_DIR"
    if ((EUID == 0)); then
        chown postgres: "$CARTABLE_PG_DIR"
    fi
    # The socket lives next to the data, in the same private folder.
    if ! cartable_pg_as_owner "$bindir/initdb" -D "$CARTABLE_PG_DIR/data" -A trust -U "$user" -E UTF8 \
        --locale=C.UTF-8 >"$CARTABLE_PG_DIR.initdb.log" 2>&1; then
        echo "postgres: initdb failed:" >&2
        cat "$CARTABLE_PG_DIR.initdb.log" >&2
        rm -f "$CARTABLE_PG_DIR.initdb.log"
        return 1
    fi
    rm -f "$CARTABLE_PG_DIR.initdb.log"
    if ! cartable_pg_as_owner "$bindir/pg_ctl" -D "$CARTABLE_PG_DIR/data" -w -t 60 \
        -l "$CARTABLE_PG_DIR/server.log" \
        -o "-c listen_addresses='' -k $CARTABLE_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null; then
        echo "postgres: the server did not start:" >&2
        cat "$CARTABLE_PG_DIR/server.log" >&2 || true
        return 1
    fi
    export CARTABLE_TEST_PG_HOST="$CARTABLE_PG_DIR"
    export CARTABLE_TEST_PG_USER="$user"
    export CARTABLE_PG_DIR
}

cartable_pg_stop()
{
    if [[ -z "${CARTABLE_PG_DIR:-}" || ! -d "$CARTABLE_PG_DIR" ]]; then
        return 0
    fi
    local bindir
    if bindir=$(cartable_pg_bindir) && [[ -f "$CARTABLE_PG_DIR/data/postmaster.pid" ]]; then
        cartable_pg_as_owner "$bindir/pg_ctl" -D "$CARTABLE_PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$CARTABLE_PG_DIR"
    CARTABLE_PG_DIR=
    unset CARTABLE_TEST_PG_HOST CARTABLE_TEST_PG_USER
}

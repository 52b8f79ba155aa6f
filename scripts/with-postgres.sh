#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server, its URL in HARTNETWERK_TEST_POSTGRES_URL.
#
#   scripts/with-postgres.sh [--durable] COMMAND [ARGS...]
#
# The server lives in a temporary directory on a free loopback port and is stopped and removed
# when the command ends. It is started as an unprivileged user when we run as root (initdb
# refuses root). Without PostgreSQL's server binaries, or when HARTNETWERK_TEST_POSTGRES_URL is
# already set, the command simply runs as it is (the tests then use SQLite only, or that URL).
# --durable keeps fsync on (for benchmarks); tests run with fsync off, as a throwaway cluster
# that is deleted afterwards never needs to survive a crash.
set -euo pipefail

durable=0
if [ "${1:-}" = "--durable" ]; then durable=1; shift; fi
[ "$#" -gt 0 ] || { echo "usage: $0 [--durable] COMMAND [ARGS...]" >&2; exit 2; }

if [ -n "${HARTNETWERK_TEST_POSTGRES_URL:-}" ]; then exec "$@"; fi

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    bindir="$(pg_config --bindir)"
fi
if [ -z "$bindir" ]; then
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ]; then bindir="$candidate"; break; fi
    done
fi
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
    bindir="$(dirname "$(command -v initdb)")"
fi
if [ -z "$bindir" ]; then
    echo "with-postgres: no PostgreSQL server found; running on SQLite only" >&2
    exec "$@"
fi

as_user=()
owner=""
if [ "$(id -u)" = "0" ]; then
    owner="$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)"
    as_user=(runuser -u "$owner" --)
fi

base="$(mktemp -d "${TMPDIR:-/tmp}/hartnetwerk-pg.XXXXXX")"
chmod 755 "$base"
[ -z "$owner" ] || chown "$owner" "$base"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

cleanup() {
    "${as_user[@]}" "$bindir/pg_ctl" -D "$base/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$base"
}
trap cleanup EXIT INT TERM

"${as_user[@]}" "$bindir/initdb" -D "$base/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log" >&2; exit 1; }

options="-c listen_addresses=127.0.0.1 -p $port -k $base -c max_connections=200"
options+=" -c shared_buffers=256MB -c max_wal_size=4GB"
if [ "$durable" = "0" ]; then
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
"${as_user[@]}" "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -o "$options" -w \
    -t 60 start >/dev/null || { cat "$base/server.log" >&2; exit 1; }

export HARTNETWERK_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port" >&2
set +e
"$@"
status=$?
set -e
exit "$status"

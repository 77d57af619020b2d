#!/usr/bin/env bash
# Make sure a PostgreSQL server for warta's tests runs on this machine, then print its DSN.
#
#   eval "export WARTA_TEST_PG_DSN=$(bash scripts/pg_ensure.sh)"
#
# Idempotent: installs the Debian packages only when no PostgreSQL binaries exist, creates the
# cluster only once (in $WARTA_PG_DIR, default /tmp/warta-pg), starts it only when it is not
# running, and always prints the same DSN for the same cluster. It listens on 127.0.0.1 only,
# on a free port chosen when the cluster is created. Everything but the DSN goes to stderr.
set -euo pipefail

PGDIR="${WARTA_PG_DIR:-/tmp/warta-pg}"
DATA="$PGDIR/data"
ROLE="${WARTA_PG_ROLE:-warta}"
DB="${WARTA_PG_DB:-warta}"
log() { echo "pg_ensure: $*" >&2; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  log "PostgreSQL is missing; installing the Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
  BIN="$(find_bin)"
fi

# The server refuses to run as root: run it as the postgres user (created by the package),
# or as the current user when that is not root.
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PGDIR" --shell /bin/sh postgres
  as_pg() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_pg() { "$@"; }
  OWNER="$(id -un)"
fi

mkdir -p "$PGDIR"
chown "$OWNER" "$PGDIR"

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "creating a cluster in $DATA"
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PORT"
    echo "unix_socket_directories = '$PGDIR'"
    # A test server: durability is not needed, speed is.
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
    echo "max_connections = 200"
  } >> "$DATA/postgresql.conf"
  echo "$PORT" > "$PGDIR/port"
  chown "$OWNER" "$PGDIR/port"
fi
PORT="$(cat "$PGDIR/port")"

if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "starting PostgreSQL on 127.0.0.1:$PORT"
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PGDIR/server.log" -w -t 60 start >&2
fi

psql_admin() { as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$ROLE'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE $DB OWNER $ROLE" >&2
fi

echo "postgresql://$ROLE:$ROLE@127.0.0.1:$PORT/$DB"

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the PostgreSQL provider's tests.
#
#   .ci/postgres.sh start   installs PostgreSQL from the distribution's packages when initdb is missing, creates a
#                           cluster in a temporary directory (127.0.0.1 only, port $CRM_PG_PORT, default 54329, trust
#                           auth), starts it, creates the database crm_test, and prints one line:
#                             export CRM_TEST_POSTGRES='Host=127.0.0.1;Port=54329;Username=crm;Database=crm_test'
#                           The same line is written to $CRM_PG_ENV_FILE (default /tmp/crm-postgres.env).
#   .ci/postgres.sh stop    stops the cluster started by "start" and deletes its directory.
#
# Usage from .ci/run (before "dotnet test Crm.Sdk.sln"):
#   pg_env=$(.ci/postgres.sh start) || { echo "PostgreSQL did not start" >&2; exit 1; }
#   eval "$pg_env"
#   trap '.ci/postgres.sh stop' EXIT
# (Do not write eval "$(... start)" alone: eval of an empty string succeeds and would hide a failed start.)
# Runs as root (CI) or as a normal user; the server itself never runs as root (initdb refuses to).
set -euo pipefail

port="${CRM_PG_PORT:-54329}"
env_file="${CRM_PG_ENV_FILE:-/tmp/crm-postgres.env}"
state_file="/tmp/crm-postgres-${port}.dir"
database="crm_test"
role="crm"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local tool="$1" candidate
  if command -v "$tool" >/dev/null 2>&1; then command -v "$tool"; return 0; fi
  for candidate in /usr/lib/postgresql/*/bin/"$tool"; do
    if [ -x "$candidate" ]; then echo "$candidate"; fi
  done | sort -V | tail -n 1
}

install_postgres() {
  if [ -n "$(find_bin initdb)" ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    log "initdb is missing and installing PostgreSQL needs root (apt-get install postgresql)."
    exit 1
  fi
  log "installing PostgreSQL (apt-get install postgresql)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Runs a command as the user that owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

start() {
  install_postgres
  local initdb pg_ctl psql dir
  initdb="$(find_bin initdb)"; pg_ctl="$(find_bin pg_ctl)"; psql="$(find_bin psql)"
  if [ -z "$initdb" ] || [ -z "$pg_ctl" ] || [ -z "$psql" ]; then
    log "initdb, pg_ctl or psql not found after installation."
    exit 1
  fi

  if [ -f "$state_file" ] && [ -d "$(cat "$state_file")" ]; then
    log "a cluster from an earlier run is still registered on port $port; stopping it first."
    stop
  fi

  owner="$(id -un)"
  if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  fi

  dir="$(mktemp -d /tmp/crm-postgres.XXXXXX)"
  chown "$owner" "$dir"
  chmod 700 "$dir"
  echo "$dir" > "$state_file"

  as_owner "$initdb" --pgdata="$dir/data" --username="$role" --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || as_owner "$initdb" --pgdata="$dir/data" --username="$role" --auth=trust --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { log "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }

  # Throwaway cluster: no durability needed, so fsync is off; sockets only in the cluster directory.
  as_owner "$pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 \
    || { log "the server did not start:"; cat "$dir/server.log" >&2; exit 1; }

  as_owner "$psql" --host=127.0.0.1 --port="$port" --username="$role" --dbname=postgres --quiet --no-psqlrc \
    --command="CREATE DATABASE $database" >&2

  local value="Host=127.0.0.1;Port=$port;Username=$role;Database=$database"
  echo "export CRM_TEST_POSTGRES='$value'" > "$env_file"
  log "PostgreSQL is up at 127.0.0.1:$port (data in $dir); connection string in $env_file"
  echo "export CRM_TEST_POSTGRES='$value'"
}

stop() {
  if [ ! -f "$state_file" ]; then
    log "no cluster registered on port $port."
    return 0
  fi
  local dir pg_ctl
  dir="$(cat "$state_file")"
  pg_ctl="$(find_bin pg_ctl)"
  owner="$(stat -c %U "$dir" 2>/dev/null || id -un)"
  if [ -d "$dir/data" ] && [ -n "$pg_ctl" ]; then
    as_owner "$pg_ctl" --pgdata="$dir/data" --mode=immediate --wait stop >&2 || true
  fi
  rm -rf "$dir" "$state_file" "$env_file"
  log "stopped and removed the cluster on port $port."
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

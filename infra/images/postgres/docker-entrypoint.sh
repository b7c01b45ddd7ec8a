#!/bin/bash
# Initialises an empty PGDATA (superuser POSTGRES_USER with POSTGRES_PASSWORD, then the init scripts
# against a server listening on the socket only), then runs the server in the foreground.
set -euo pipefail
if [ "${1:-}" != "postgres" ]; then
  exec "$@"
fi
shift
user=${POSTGRES_USER:-postgres}
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
  POSTGRES_PASSWORD=$(cat "$POSTGRES_PASSWORD_FILE")
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -n "${POSTGRES_PASSWORD:-}" ] || { echo "POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) is required" >&2; exit 1; }
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  {
    echo "listen_addresses = '*'"
  } >> "$PGDATA/postgresql.conf"
  {
    echo "host all all all scram-sha-256"
    echo "host replication all all scram-sha-256"
  } >> "$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql" -w start
  export POSTGRES_USER="$user" PGHOST=/var/run/postgresql
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) echo "init: $f"; bash "$f" ;;
      *.sql) echo "init: $f"; psql -v ON_ERROR_STOP=1 -U "$user" -d "${POSTGRES_DB:-postgres}" -f "$f" ;;
      *) ;;
    esac
  done
  unset PGHOST
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
fi
exec postgres -D "$PGDATA" "$@"

#!/bin/bash
# For a PostgreSQL container's /docker-entrypoint-initdb.d (runs once, on an empty data directory, as the
# superuser): every service database with its owner, app and relay roles. Passwords come from the
# environment, SELLAVIE_<SERVICE>_DB_{OWNER,APP,RELAY}_PASSWORD (e.g. SELLAVIE_AI_DB_APP_PASSWORD); a
# missing one stops the container's initialisation.
set -euo pipefail
# The SQL lives outside /docker-entrypoint-initdb.d (which would run it without its variables), e.g.
# mounted from infra/postgres at /sellavie/postgres.
sql=${SELLAVIE_ROLES_SQL:-/sellavie/postgres/create-service-roles.sql}
for service in identity ingest conversation ai commerce notification; do
  upper=${service^^}
  for kind in OWNER APP RELAY; do
    var="SELLAVIE_${upper}_DB_${kind}_PASSWORD"
    [ -n "${!var:-}" ] || { echo "initdb-service-roles: $var is not set" >&2; exit 1; }
  done
  owner="SELLAVIE_${upper}_DB_OWNER_PASSWORD" app="SELLAVIE_${upper}_DB_APP_PASSWORD" relay="SELLAVIE_${upper}_DB_RELAY_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v db="sellavie_${service}" -v owner_password="${!owner}" -v app_password="${!app}" \
    -v relay_password="${!relay}" -f "$sql"
done

#!/bin/bash
# The schema registry's own database and role (Apicurio's SQL storage creates its tables at start-up).
set -euo pipefail
: "${SELLAVIE_REGISTRY_DB_PASSWORD:?SELLAVIE_REGISTRY_DB_PASSWORD is not set}"
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v password="$SELLAVIE_REGISTRY_DB_PASSWORD" <<'SQL'
CREATE ROLE sellavie_registry LOGIN PASSWORD :'password';
CREATE DATABASE sellavie_registry OWNER sellavie_registry;
SQL

#!/bin/bash
# Every service database with its owner, app and relay roles (infra/postgres, mounted at /sellavie/postgres).
set -euo pipefail
SELLAVIE_ROLES_SQL=/sellavie/postgres/create-service-roles.sql bash /sellavie/postgres/initdb-service-roles.sh

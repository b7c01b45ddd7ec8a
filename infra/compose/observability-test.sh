#!/bin/bash
# The compose `observability` profile started for real (not in CI: ~15 minutes). From the repository root,
# as root, after `./mvnw -B -DskipTests package` and the console build, as compose-test.sh:
#
#   infra/compose/observability-test.sh
#
# compose-test.sh with SELLAVIE_COMPOSE_OBSERVABILITY=1: the stack plus the profile as
# observability-local.yml runs it where no registry is reachable (Prometheus from Debian, Zipkin from Maven
# Central, sellavie/otlp-to-zipkin as the collector), every service exporting every span over OTLP; the
# signed-DM journey; then Prometheus's HTTP API shows every service's target up and every alert rule of
# alerts.yml loaded, and Zipkin's HTTP API holds the DM's trace from the gateway to the Send API call.
# The scaling step is skipped (SELLAVIE_COMPOSE_SCALE=1 keeps it). Tears everything down. Settings as
# compose-test.sh (SELLAVIE_COMPOSE_SKIP_BUILD=1 reuses built images, SELLAVIE_COMPOSE_KEEP=1 ...).
set -euo pipefail
SELLAVIE_COMPOSE_OBSERVABILITY=1 SELLAVIE_COMPOSE_SCALE=${SELLAVIE_COMPOSE_SCALE:-0} \
  exec "$(dirname "$0")/compose-test.sh" "$@"

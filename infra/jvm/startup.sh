#!/usr/bin/env bash
# Start-up of the local stack (issue 12 item 4): runs ./sellavie up until "Sellavie is ready", prints the
# infrastructure's and each service's "ready in" (its own start) and AOT-training lines and the total, stops it
# (SIGTERM, as Ctrl-C), RUNS times. After a build the first run records the AOT caches, later runs are warm.
# Usage: infra/jvm/startup.sh [runs=2]   (SELLAVIE_AOT_CACHE=off infra/jvm/startup.sh 1: without the cache)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-2}"
for run in $(seq "$runs"); do
  log="$(mktemp)"
  echo "== run $run, $(date -u +%FT%TZ), $(uptime | sed 's/.*load average/load average/')"
  "$root/sellavie" up >"$log" 2>&1 &
  pid=$!
  until grep -q "Sellavie is ready\|could not start" "$log"; do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  grep -E "ready in|recorded in|training|without an AOT|Sellavie is ready|could not start" "$log" || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "== after run $run: $(uptime | sed 's/.*load average/load average/')"
  rm -f "$log"
done

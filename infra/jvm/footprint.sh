#!/usr/bin/env bash
# Footprint of the running local stack (issue 12 item 3), as a markdown table: per service its RSS and threads
# (/proc/<pid>/status) and, when the services run with NativeMemoryTracking (start the stack with
# SELLAVIE_SERVICE_JAVA_OPTS=-XX:NativeMemoryTracking=summary), the committed heap, AOT cache, metaspace + class
# space, code cache and thread stacks (jcmd VM.native_memory summary); then every process the launcher started (PostgreSQL,
# Kafka, registry...) and the whole stack's total, as RSS and as PSS (shared pages counted once).
# Usage: infra/jvm/footprint.sh [data folder, default .sellavie]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-${SELLAVIE_HOME:-$root/.sellavie}}"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ -f "$data/run.json" ]] || { echo "no $data/run.json: is ./sellavie up running?" >&2; exit 1; }

kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
pss() { awk '$1 == "Pss:" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
mb() { echo $(( ($1 + 512) / 1024 )); }
# committed KB of one NMT category ("Java Heap", "Shared class space", "Metaspace", "Class", "Code", "Thread"),
# as JDK 25 prints it: "-         Java Heap (reserved=163840KB, committed=100548KB)"; 0 when it is absent
nmt() { awk -v c="$2" '$0 ~ ("^-[[:space:]]+" c " [(]") { if (match($0, /committed=[0-9]+/)) { print substr($0, RSTART + 10, RLENGTH - 10); f = 1; exit } } END { if (!f) print 0 }' <<<"$1"; }

echo "$(date -u +%FT%TZ), $(uptime | sed 's/.*load average/load average/')"
echo
echo "| service | RSS MB | threads | heap committed MB | AOT cache MB | metaspace + class space MB | code MB | thread stacks MB | young / full GCs |"
echo "|---|---|---|---|---|---|---|---|---|"
services=0
while read -r name pid; do
  [[ -d /proc/$pid ]] || { echo "| $name | (pid $pid gone) | | | | | | | |"; continue; }
  rss=$(kb "$pid" VmRSS); threads=$(kb "$pid" Threads)
  summary="$("$java_home/bin/jcmd" "$pid" VM.native_memory summary 2>/dev/null || true)"
  if grep -q "Native Memory Tracking" <<<"$summary" && ! grep -q "not enabled" <<<"$summary"; then
    heap=$(mb "$(nmt "$summary" "Java Heap")"); aot=$(mb "$(nmt "$summary" "Shared class space")")
    class=$(mb $(( $(nmt "$summary" "Metaspace") + $(nmt "$summary" "Class") )))
    code=$(mb "$(nmt "$summary" "Code")"); stacks=$(mb "$(nmt "$summary" "Thread")")
  else heap="-"; aot="-"; class="-"; code="-"; stacks="-"; fi
  # collections since the start: a full one makes the serial collector resize the heap to keep 40 % free
  gcs=$("$java_home/bin/jstat" -gc "$pid" 2>/dev/null | awk 'NR == 2 { print $13 " / " $15 }' || true)
  echo "| $name | $(mb "$rss") | $threads | $heap | $aot | $class | $code | $stacks | ${gcs:--} |"
  services=$((services + rss))
done < <(python3 -c 'import json,sys; [print(i["name"], i["pid"]) for i in json.load(open(sys.argv[1]))["instances"]]' "$data/run.json")

launcher=$(pgrep -f -- "-jar .*local-stack-.*\.jar up" | head -n1 || true)
if [[ -n "$launcher" ]]; then
  all=("$launcher"); queue=("$launcher")
  while (( ${#queue[@]} )); do
    p=${queue[0]}; queue=("${queue[@]:1}")
    for c in $(pgrep -P "$p" || true); do all+=("$c"); queue+=("$c"); done
  done
  total_rss=0; total_pss=0
  for p in "${all[@]}"; do
    [[ -d /proc/$p ]] || continue
    total_rss=$((total_rss + $(kb "$p" VmRSS))); total_pss=$((total_pss + $(pss "$p")))
  done
  echo
  echo "Services: $(mb $services) MB RSS. Whole stack (launcher, its sandboxes and mail catcher, PostgreSQL, Kafka, registry, services; ${#all[@]} processes): $(mb $total_rss) MB RSS, $(mb $total_pss) MB PSS."
fi

# Sourced by compose-test.sh after the signed-DM journey when SELLAVIE_COMPOSE_OBSERVABILITY=1
# (observability-test.sh): the `observability` profile, as observability-local.yml runs it here, watches
# the stack. Uses compose-test.sh's say/fail/json/graph_admin, $first (the journey's customer),
# $prometheus_url and $zipkin_url (both on loopback).

# 1. Prometheus scrapes every service: each job of prometheus.yml has a target, every target is up.
expected_jobs=$(sed -n 's/^ *- job_name: *//p' infra/observability/prometheus.yml | sort | tr '\n' ' ')
targets=""
for _ in $(seq 60); do
  targets=$(curl -fsS "$prometheus_url/api/v1/targets?state=active" | python3 -c '
import json, sys
for t in json.load(sys.stdin)["data"]["activeTargets"]:
    print(t["labels"]["job"], t["health"], t["scrapeUrl"], t.get("lastError", ""))' | sort || true)
  [ "$(awk '$2 == "up" { print $1 }' <<< "$targets" | sort -u | tr '\n' ' ')" = "$expected_jobs" ] \
    && ! awk '$2 != "up"' <<< "$targets" | grep -q . && break
  sleep 5
done
printf '%s\n' "$targets" | sed 's/^/    /' >&2
[ "$(awk '$2 == "up" { print $1 }' <<< "$targets" | sort -u | tr '\n' ' ')" = "$expected_jobs" ] \
  || fail "Prometheus does not scrape every service up (expected jobs: $expected_jobs)"
awk '$2 != "up"' <<< "$targets" | grep -q . && fail "Prometheus has targets down"
say "Prometheus: every service's target up ($(wc -l <<< "$targets") targets)"

# 2. The alert rules of alerts.yml are loaded, every one of them.
expected_alerts=$(sed -n 's/^ *- alert: *//p' infra/observability/alerts.yml | sort)
loaded_alerts=$(curl -fsS "$prometheus_url/api/v1/rules?type=alert" | python3 -c '
import json, sys
for g in json.load(sys.stdin)["data"]["groups"]:
    for r in g["rules"]:
        print(r["name"], r["health"])' | sort)
[ "$(awk '{ print $1 }' <<< "$loaded_alerts" | sort)" = "$expected_alerts" ] \
  || fail "Prometheus loaded alerts [$(awk '{ print $1 }' <<< "$loaded_alerts" | tr '\n' ' ')], alerts.yml has [$(tr '\n' ' ' <<< "$expected_alerts")]"
awk '$2 == "err"' <<< "$loaded_alerts" | grep -q . && fail "alert rules evaluate with errors: $loaded_alerts"
say "Prometheus: all $(wc -l <<< "$expected_alerts") alert rules of alerts.yml loaded"

# 3. The journey's DM is one trace in Zipkin: from the traceparent of the Send API call to the first
#    customer, up through every parent span to the gateway's server span, across the services.
traceparent=$(graph_admin requests/find '{"method":"POST","urlPathPattern":"/v23\\.0/[^/]+/messages"}' | python3 -c '
import json, sys
for r in json.load(sys.stdin)["requests"]:
    if json.loads(r["body"])["recipient"]["id"] == sys.argv[1]:
        headers = {k.lower(): v for k, v in r["headers"].items()}
        print(headers.get("traceparent", "")); break' "$first")
[ -n "$traceparent" ] || fail "the Send API call to $first carried no traceparent"
trace_id=$(cut -d- -f2 <<< "$traceparent")
send_span=$(cut -d- -f3 <<< "$traceparent")
path=""
for _ in $(seq 30); do
  path=$(curl -fsS "$zipkin_url/api/v2/trace/$trace_id" 2>/dev/null | python3 -c '
import json, sys
spans = {s["id"]: s for s in json.load(sys.stdin)}
span, chain = spans.get(sys.argv[1]), []
while span:
    chain.append("%s:%s:%s" % (span.get("localEndpoint", {}).get("serviceName", "?"), span.get("kind", "-"), span.get("name", "")))
    if "parentId" not in span:
        print(" <- ".join(chain)); break
    span = spans.get(span["parentId"])' "$send_span" || true)
  [ -n "$path" ] && break
  sleep 2
done
[ -n "$path" ] || fail "trace $trace_id is not complete in Zipkin from the Send API call to its root"
say "Zipkin: trace $trace_id: $path"
case "$path" in conversation-service:CLIENT:*) ;; *) fail "the trace's last span is not conversation-service's Send API call" ;; esac
case "$path" in *"<- gateway:SERVER:"*) ;; *) fail "the trace's root is not the gateway's server span" ;; esac
for service in webhook-ingest-service ai-service; do
  case "$path" in *"$service:"*) ;; *) fail "the trace does not pass through $service" ;; esac
done
say "observability profile: Prometheus scrapes every service, alert rules loaded, the DM's trace in Zipkin"

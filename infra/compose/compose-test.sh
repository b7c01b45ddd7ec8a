#!/bin/bash
# The compose system test (not in CI: ~10+ minutes). From the repository root, as root, after
# `./mvnw -B -DskipTests package` and the console build (web/dist):
#
#   infra/compose/compose-test.sh
#
# 1. sets up podman + docker-compose (setup-podman.sh, idempotent) and builds every image
#    (infra/images/build-images.sh, plus WireMock as Meta's Graph API);
# 2. `docker-compose up -d` of docker-compose.yml + docker-compose.graph-stub.yml under its own project
#    name, env file and secrets (nothing of a real .env is used), waits until every container is healthy;
# 3. through the gateway's published port only: signs up a merchant, confirms the address with the
#    emailed link (mail catcher), logs in, connects an Instagram
#    account (proven by the Graph API stub), posts a signed DM and waits for exactly one reply at the
#    Send API;
# 4. scales conversation-service to 2 replicas, posts a stream of signed DMs from distinct customers,
#    kills one replica in the middle, and checks every DM was answered exactly once;
# 5. tears everything down (`down -v`), also on failure (SELLAVIE_COMPOSE_KEEP=1 keeps it for a look).
#
# Settings: SELLAVIE_COMPOSE_HTTP_PORT (18080), SELLAVIE_COMPOSE_DMS (30), SELLAVIE_COMPOSE_SKIP_BUILD=1
# (reuse built images), SELLAVIE_CONSOLE_DIST (web/dist), SELLAVIE_COMPOSE_SCALE=0 (skip step 4),
# SELLAVIE_COMPOSE_OBSERVABILITY=1 (the `observability` profile with observability-local.yml, services
# exporting every trace, and after step 3 the checks of observability-checks.sh: observability-test.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/infra/compose"
cd "$root"
begun=$(date +%s)
project=sellavie-compose-test
http_port=${SELLAVIE_COMPOSE_HTTP_PORT:-18080}
dms=${SELLAVIE_COMPOSE_DMS:-30}
gateway="http://127.0.0.1:$http_port"
observability=${SELLAVIE_COMPOSE_OBSERVABILITY:-0}
work=$(mktemp -d)
export CONTAINERS_CONF="$here/containers.conf"

say() { printf '[compose-test %4ss] %s\n' "$(( $(date +%s) - begun ))" "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# --- 1. set-up and images
"$here/setup-podman.sh"
if [ "${SELLAVIE_COMPOSE_SKIP_BUILD:-0}" != 1 ]; then
  "$root/infra/images/build-images.sh"
  wiremock_jar=$(find "${HOME}/.m2/repository/org/wiremock/wiremock-standalone" -name 'wiremock-standalone-3.13.2.jar' | head -1)
  [ -n "$wiremock_jar" ] || { ./mvnw -q -B -N dependency:get -Dtransitive=false -Dartifact=org.wiremock:wiremock-standalone:3.13.2 >/dev/null;
    wiremock_jar=$(find "${HOME}/.m2/repository/org/wiremock/wiremock-standalone" -name 'wiremock-standalone-3.13.2.jar' | head -1); }
  mkdir -p "$work/wiremock"
  cp "$root/infra/images/wiremock/Dockerfile" "$work/wiremock/"
  cp "$wiremock_jar" "$work/wiremock/wiremock-standalone.jar"
  say "building wiremock/wiremock:3.13.2"
  podman build --quiet --format docker -t wiremock/wiremock:3.13.2 "$work/wiremock" >/dev/null
fi
say "images ready"

# --- the podman API socket docker-compose talks to, and the healthcheck runner podman 4.3 lacks here
socket="$work/podman.sock"
podman system service --time=0 "unix://$socket" 2>"$work/podman-service.log" & service_pid=$!
"$here/healthcheck-loop.sh" & healthcheck_pid=$!
export DOCKER_HOST="unix://$socket"
export COMPOSE_HTTP_TIMEOUT=300
compose_files=(-f docker-compose.yml -f "$here/docker-compose.graph-stub.yml")
[ "$observability" = 1 ] && compose_files+=(-f "$here/observability-local.yml" --profile observability)
compose() {
  docker-compose -p "$project" --env-file "$work/test.env" "${compose_files[@]}" "$@"
}
cleanup() {
  local status=$?
  if [ "${SELLAVIE_COMPOSE_KEEP:-0}" = 1 ] && [ $status -ne 0 ]; then
    say "kept the stack (SELLAVIE_COMPOSE_KEEP=1): DOCKER_HOST=$DOCKER_HOST docker-compose -p $project ..."
    return
  fi
  if [ $status -ne 0 ]; then
    compose ps >&2 || true
    compose logs --tail=40 >&2 2>/dev/null || true
  fi
  compose down -v --remove-orphans >/dev/null 2>&1 || true
  kill "$healthcheck_pid" "$service_pid" 2>/dev/null || true
  rm -rf "$work"
  say "torn down (exit $status) after $(( $(date +%s) - begun )) s"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.2; done

# --- 2. its own env file and secrets, then up
"$here/init-env.sh" "$work/test.env" >/dev/null
sed -i -e "s|^SELLAVIE_SECRETS_DIR=.*|SELLAVIE_SECRETS_DIR=$work/secrets|" \
       -e "s|^SELLAVIE_HTTP_PORT=.*|SELLAVIE_HTTP_PORT=$http_port|" \
       -e "s|^SELLAVIE_MAIL_UI_PORT=.*|SELLAVIE_MAIL_UI_PORT=$(( http_port + 1 ))|" \
       -e "s|^SELLAVIE_PUBLIC_URL=.*|SELLAVIE_PUBLIC_URL=$gateway|" "$work/test.env"
if [ "$observability" = 1 ]; then
  prometheus_url="http://127.0.0.1:$(( http_port + 2 ))"
  zipkin_url="http://127.0.0.1:$(( http_port + 3 ))"
  sed -i -e "s|^OTEL_EXPORTER_OTLP_ENDPOINT=.*|OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318|" \
         -e "s|^SELLAVIE_TRACING_SAMPLING_PROBABILITY=.*|SELLAVIE_TRACING_SAMPLING_PROBABILITY=1.0|" \
         -e "s|^SELLAVIE_PROMETHEUS_EXEMPLARS_ON_ALL_SERIES=.*|SELLAVIE_PROMETHEUS_EXEMPLARS_ON_ALL_SERIES=false|" "$work/test.env"
  printf 'SELLAVIE_PROMETHEUS_PORT=%s\nSELLAVIE_ZIPKIN_PORT=%s\n' "$(( http_port + 2 ))" "$(( http_port + 3 ))" >> "$work/test.env"
fi
"$here/init-env.sh" "$work/test.env" >/dev/null
app_secret=$(sed -n 's/^SELLAVIE_META_APP_SECRET=//p' "$work/test.env")
compose config -q
compose down -v --remove-orphans >/dev/null 2>&1 || true
say "docker-compose up -d"
up_started=$(date +%s)
# With the profile, Tempo and Grafana stay out (observability-local.yml says why): the rest is named.
# Without it nothing is named (`config --services` lists the profile's services too, and naming one starts it).
services=()
[ "$observability" = 1 ] && mapfile -t services < <(compose config --services | grep -vxE 'tempo|grafana')
compose up -d "${services[@]}" 2>&1 | sed 's/^/    /' >&2
# up -d returns once the gateway's dependencies were healthy and it started; wait for the gateway too.
healthy() { [ "$(podman inspect --format '{{.State.Health.Status}}' "$1" 2>/dev/null)" = healthy ]; }
gateway_container=$(compose ps -q gateway)
for _ in $(seq 300); do healthy "$gateway_container" && break; sleep 2; done
healthy "$gateway_container" || fail "the gateway did not become healthy"
for container in $(compose ps -q); do
  name=$(podman inspect --format '{{.Name}}' "$container")
  case "$name" in *topics*) continue ;; esac
  healthy "$container" || fail "$name is not healthy"
done
say "every container healthy, $(( $(date +%s) - up_started )) s after up"
graph_container=$(compose ps -q graph)

# --- helpers: HTTP through the gateway's published port, the Graph API stub's journal, signed DMs
api() { # <method> <path> [json] [token]: prints the body, fails on an unexpected status
  local method=$1 path=$2 body=${3:-} token=${4:-} out status attempt
  # A 503 says "try again shortly" (a token check whose JWKS or denylist did not answer in time, as on a
  # starved host): retried a few times, as a client would; any other status is final.
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    out=$(curl -sS -o "$work/body" -w '%{http_code}' -X "$method" "$gateway$path" -H 'Content-Type: application/json' \
      ${token:+-H "Authorization: Bearer $token"} ${body:+--data "$body"})
    [ "$out" = 503 ] || break
    say "$method $path -> 503 (attempt $attempt), retrying in 3 s"
    sleep 3
  done
  status=$out
  cat "$work/body"
  [[ "$status" == 2* ]] || { echo >&2; fail "$method $path -> HTTP $status: $(cat "$work/body")"; }
}
json() { python3 -c 'import json,sys; d=json.load(sys.stdin)
for k in sys.argv[1].split("."): d=d[k]
print(d)' "$1"; }
graph_admin() { # <path> [json]: WireMock's admin API inside the graph container (not published)
  podman exec "$graph_container" curl -fsS -X POST "http://127.0.0.1:8080/__admin/$1" -d "$2"
}
send_api_calls() {
  graph_admin requests/count '{"method":"POST","urlPathPattern":"/v23\\.0/[^/]+/messages"}' | json count
}
replies_per_customer() { # "<recipient id> <Send API calls to it>" lines, from one read of the journal
  graph_admin requests/find '{"method":"POST","urlPathPattern":"/v23\\.0/[^/]+/messages"}' | python3 -c '
import collections, json, sys
calls = collections.Counter(json.loads(r["body"])["recipient"]["id"] for r in json.load(sys.stdin)["requests"])
for recipient, n in calls.items():
    print(recipient, n)'
}
send_api_replies_to() { # number of Send API calls addressed to this customer
  replies_per_customer | awk -v c="$1" '$1 == c { n = $2 } END { print n + 0 }'
}
account=17841400000000042
deliver_dm() { # <customer id> <text>: a signed Instagram DM webhook, as Meta sends it
  local now body signature
  now=$(date +%s%3N)
  body="{\"object\":\"instagram\",\"entry\":[{\"id\":\"$account\",\"time\":$now,\"messaging\":[{\"sender\":{\"id\":\"$1\"},\"recipient\":{\"id\":\"$account\"},\"timestamp\":$now,\"message\":{\"mid\":\"mid.$1.$now\",\"text\":\"$2\"}}]}]}"
  signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$app_secret" -hex | sed 's/^.* //')
  curl -fsS -o /dev/null -X POST "$gateway/webhooks/meta" -H 'Content-Type: application/json' \
    -H "X-Hub-Signature-256: sha256=$signature" --data-binary "$body" || fail "webhook for $1 refused"
}
await_replies() { # <customer> <count> <seconds>
  local deadline=$(( $(date +%s) + $3 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$(send_api_replies_to "$1")" -ge "$2" ] && return 0
    sleep 1
  done
  return 1
}

# --- 3. the signed DM -> reply journey
suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
email="owner-$suffix@example.com"
password="linen-Shirts-2026"
api POST /api/auth/signup "{\"email\":\"$email\",\"password\":\"$password\",\"businessName\":\"Linen House $suffix\"}" >/dev/null
# Connecting a channel needs a confirmed address: the token of the link identity emailed (the mail
# catcher's page is published on loopback).
verification=""
for _ in $(seq 90); do
  verification=$(curl -fsS "http://127.0.0.1:$(( http_port + 1 ))/api/mailboxes" 2>/dev/null | python3 -c '
import json, re, sys
for box in json.load(sys.stdin)["mailboxes"]:
    if box["address"].lower() != sys.argv[1]:
        continue
    for m in box["messages"]:
        found = re.search(r"/verify-email\?token=([^&#\s\"<>]+)", (m.get("text") or "") + (m.get("html") or ""))
        if found:
            print(found.group(1)); sys.exit()' "$email" || true)
  [ -n "$verification" ] && break
  sleep 2
done
[ -n "$verification" ] || fail "no email confirmation mail for $email within 180 s"
api POST /api/auth/email-verification "{\"token\":\"$verification\"}" >/dev/null
token=$(api POST /api/auth/login "{\"email\":\"$email\",\"password\":\"$password\"}" | json accessToken)
channel=$(api POST /api/channels "{\"type\":\"INSTAGRAM\",\"externalId\":\"$account\",\"name\":\"Linen House on Instagram\",\"accessToken\":\"EAAB-compose-test-instagram-token\"}" "$token")
[ "$(printf '%s' "$channel" | json status)" = CONNECTED ] || fail "channel not connected: $channel"
case "$channel" in *EAAB-compose-test*) fail "the channel token is in the answer" ;; esac
say "merchant signed up, Instagram account connected"
# ingest learns the route from conversation.channels: wait until it has it, so the DM is routed at once.
for _ in $(seq 60); do
  routes=$(compose exec -T postgres psql -U postgres -d sellavie_ingest -tAc \
    "SELECT count(*) FROM channel_routes WHERE external_id = '$account' AND active")
  [ "${routes//[^0-9]/}" = 1 ] && break
  sleep 1
done
[ "${routes//[^0-9]/}" = 1 ] || fail "ingest never learnt the channel's route"
first="9000${suffix//[^0-9]/}1"
first=${first:0:16}
deliver_dm "$first" "Hello! Do you ship linen shirts to Lagos?"
await_replies "$first" 1 180 || fail "no reply to the first DM within 180 s"
conversations=$(api GET /api/conversations "" "$token" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$conversations" = 1 ] || fail "the inbox lists $conversations conversations, expected 1"
say "journey: the signed DM was answered through the Send API and the inbox lists the conversation"
if [ "$observability" = 1 ]; then
  # shellcheck source=observability-checks.sh
  source "$here/observability-checks.sh"
fi
if [ "${SELLAVIE_COMPOSE_SCALE:-1}" = 0 ]; then
  say "PASSED (step 4, scaling, skipped: SELLAVIE_COMPOSE_SCALE=0)"
  exit 0
fi

# --- 4. two conversation-service replicas under a stream of DMs, one killed
say "scaling conversation-service to 2 replicas"
compose up -d --no-recreate --scale conversation=2 conversation 2>&1 | sed 's/^/    /' >&2
mapfile -t replicas < <(compose ps -q conversation)
[ "${#replicas[@]}" = 2 ] || fail "expected 2 conversation replicas, got ${#replicas[@]}"
for _ in $(seq 300); do healthy "${replicas[0]}" && healthy "${replicas[1]}" && break; sleep 2; done
healthy "${replicas[1]}" && healthy "${replicas[0]}" || fail "the second replica did not become healthy"
say "2 replicas healthy; streaming $dms DMs, killing one replica half-way"
customers=()
for i in $(seq "$dms"); do
  customer="8$(printf '%05d' "$i")${suffix//[^0-9]/}"
  customer=${customer:0:16}
  customers+=("$customer")
  deliver_dm "$customer" "Is the linen shirt number $i available?"
  if [ "$i" = $(( dms / 2 )) ]; then
    podman kill "${replicas[0]}" >/dev/null
    say "killed replica $(podman inspect --format '{{.Name}}' "${replicas[0]}")"
  fi
  sleep 0.3
done
deadline=$(( $(date +%s) + 240 ))
until replies_per_customer > "$work/replies" && [ "$(grep -cFwf <(printf '%s\n' "${customers[@]}") "$work/replies")" = "$dms" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "$(grep -cFwf <(printf '%s\n' "${customers[@]}") "$work/replies") of $dms DMs answered after 240 s"
  sleep 2
done
say "every DM answered; checking for late duplicates"
calls_before=$(send_api_calls)
sleep 20
replies_per_customer > "$work/replies"
duplicates=0
for customer in "${customers[@]}" "$first"; do
  n=$(awk -v c="$customer" '$1 == c { n = $2 } END { print n + 0 }' "$work/replies")
  [ "$n" = 1 ] || { say "customer $customer got $n replies"; duplicates=$(( duplicates + 1 )); }
done
[ "$duplicates" = 0 ] || fail "$duplicates customers were not answered exactly once"
[ "$(send_api_calls)" = "$calls_before" ] || fail "Send API calls kept coming after every DM was answered"
say "PASSED: $((dms + 1)) DMs answered exactly once, with one of 2 conversation replicas killed mid-stream"

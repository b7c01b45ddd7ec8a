#!/bin/bash
# Prints the Secrets the manifests reference, as YAML for `kubectl apply`, from the same .env and secret
# files docker-compose uses (infra/compose/init-env.sh generates every password, token, key and keyset).
# Nothing is sent to a cluster and nothing secret is written outside a private temporary folder.
#
#   infra/compose/init-env.sh                           # once: .env and infra/compose/secrets/ (keep a backup)
#   infra/k8s/secrets.sh .env | kubectl apply -n sellavie -f -             # the services' Secrets
#   infra/k8s/secrets.sh .env data | kubectl apply -n sellavie-data -f -   # examples/: database roles, registry
#
# `data` prints only the database passwords (each service's roles and the registry's): the dependencies'
# namespace gets no token, keyset or signing key. Needs kubectl (client only: --dry-run=client).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
env_file=${1:?usage: infra/k8s/secrets.sh <env file made by infra/compose/init-env.sh> [app|data]}
target=${2:-app}
case "$target" in app|data) ;; *) echo "secrets.sh: '$target' is neither app nor data" >&2; exit 1 ;; esac
[ -f "$env_file" ] || { echo "secrets.sh: no $env_file (run infra/compose/init-env.sh $env_file)" >&2; exit 1; }
command -v kubectl >/dev/null || { echo "secrets.sh: kubectl is not installed" >&2; exit 1; }

value() { sed -n "s/^$1=//p" "$env_file" | tail -1; }

secrets_dir=$(value SELLAVIE_SECRETS_DIR)
secrets_dir=${secrets_dir:-./infra/compose/secrets}
case "$secrets_dir" in /*) ;; *) secrets_dir="$root/${secrets_dir#./}" ;; esac

umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# secret <name> [type] <key>=<file>...: one Secret; values travel in files, never on a command line.
secret() {
  local name=$1; shift
  local args=()
  for pair in "$@"; do args+=("--from-file=$pair"); done
  echo "---"
  kubectl create secret generic "$name" "${args[@]}" --dry-run=client -o yaml
}
# put <file> <value>: writes a value for secret().
put() { printf '%s' "$2" > "$work/$1"; }
# required <file> <variable>: the variable's value for secret(); an empty one stops the script (not in a
# command substitution, whose failure set -e would not see).
required() {
  local v
  v=$(value "$2")
  [ -n "$v" ] || { echo "secrets.sh: $2 is empty in $env_file" >&2; exit 1; }
  put "$1" "$v"
}

if [ "$target" = app ]; then
  required internal-token SELLAVIE_INTERNAL_TOKEN
  required ops-token SELLAVIE_OPS_TOKEN
  required meta-app-secret SELLAVIE_META_APP_SECRET
  required meta-verify-token SELLAVIE_META_VERIFY_TOKEN
  required email-link-keyset SELLAVIE_EMAIL_LINK_KEYSET
  # A rotation's second values, only while one is under way (docs/operations.md, "Rotate secrets").
  rotating=()
  for pair in internal-token-also-accepted:SELLAVIE_INTERNAL_ALSO_ACCEPTED_TOKEN \
              ops-token-also-accepted:SELLAVIE_OPS_ALSO_ACCEPTED_TOKEN; do
    IFS=: read -r key variable <<< "$pair"
    if [ -n "$(value "$variable")" ]; then
      put "$key" "$(value "$variable")"
      rotating+=("$key=$work/$key")
    fi
  done
  secret sellavie-shared "internal-token=$work/internal-token" "ops-token=$work/ops-token" \
    "meta-app-secret=$work/meta-app-secret" "meta-verify-token=$work/meta-verify-token" \
    "email-link-keyset=$work/email-link-keyset" ${rotating[@]+"${rotating[@]}"}
fi

# Each service's database roles (examples/postgres' Job creates them with the same passwords).
for entry in identity-service:IDENTITY webhook-ingest-service:INGEST conversation-service:CONVERSATION \
             ai-service:AI commerce-service:COMMERCE notification-service:NOTIFICATION; do
  IFS=: read -r service db <<< "$entry"
  for kind in owner app relay; do
    required "$service-$kind" "SELLAVIE_${db}_DB_${kind^^}_PASSWORD"
  done
  secret "$service-db" "owner-password=$work/$service-owner" "app-password=$work/$service-app" \
    "relay-password=$work/$service-relay"
done

if [ "$target" = data ]; then
  # The registry's database role: CloudNativePG's bootstrap reads a basic-auth Secret.
  put registry-user sellavie_registry
  required registry-password SELLAVIE_REGISTRY_DB_PASSWORD
  echo "---"
  kubectl create secret generic sellavie-registry-db --type=kubernetes.io/basic-auth \
    "--from-file=username=$work/registry-user" "--from-file=password=$work/registry-password" --dry-run=client -o yaml
  exit 0
fi

# Keys and keysets that are files (mounted at /run/secrets/sellavie).
for file in jwt-signing-key.pem identity-keyset.json conversation-keyset.json commerce-keyset.json; do
  [ -s "$secrets_dir/$file" ] || { echo "secrets.sh: no $secrets_dir/$file (run infra/compose/init-env.sh)" >&2; exit 1; }
done
secret identity-service-keys "jwt-signing-key.pem=$secrets_dir/jwt-signing-key.pem" \
  "identity-keyset.json=$secrets_dir/identity-keyset.json"
secret conversation-service-keys "conversation-keyset.json=$secrets_dir/conversation-keyset.json"
secret commerce-service-keys "commerce-keyset.json=$secrets_dir/commerce-keyset.json"
# ai-service's keyset (businesses' own provider keys) is a value in .env, as compose passes it.
required ai-keyset SELLAVIE_AI_KEYSET
secret ai-service-keys "ai-keyset=$work/ai-keyset"

# Optional ones: only the values that are set (the Deployments mark these references optional).
optional_secret() { # <secret name> <key>=<variable>...
  local name=$1; shift
  local pairs=()
  for pair in "$@"; do
    local key=${pair%%=*} var=${pair#*=} v
    v=$(value "$var")
    [ -n "$v" ] && { put "$name-$key" "$v"; pairs+=("$key=$work/$name-$key"); }
  done
  [ ${#pairs[@]} -gt 0 ] && secret "$name" "${pairs[@]}"
  return 0
}
optional_secret sellavie-ai-providers groq-api-key=SELLAVIE_AI_GROQ_API_KEY openai-api-key=SELLAVIE_AI_OPENAI_API_KEY
optional_secret sellavie-smtp username=SELLAVIE_SMTP_USERNAME password=SELLAVIE_SMTP_PASSWORD


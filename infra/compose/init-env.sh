#!/bin/bash
# Makes .env (from .env.example) and the secret files docker-compose.yml mounts, generating every secret
# left empty: passwords and tokens (random hex), the email-link and ai-service Tink keysets, identity's RSA signing key
# (PKCS#8 PEM) and the Tink AEAD keysets (AES256_GCM). Idempotent: what exists is kept.
# Usage: infra/compose/init-env.sh [env file, default .env at the repository root]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
env_file=${1:-$root/.env}
umask 077

# A Tink JSON keyset with one AES256_GCM key: keyData.value is the AesGcmKey protobuf
# (field 3 key_value: tag 0x1a, length 0x20, 32 random bytes).
tink_keyset() {
  local id value
  id=$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 + 1 ))
  value=$( { printf '\x1a\x20'; head -c 32 /dev/urandom; } | base64 -w0)
  printf '{"primaryKeyId":%s,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"%s","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":%s,"outputPrefixType":"TINK"}]}' \
    "$id" "$value" "$id"
}

if [ ! -f "$env_file" ]; then
  while IFS= read -r line; do
    case "$line" in
      SELLAVIE_EMAIL_LINK_KEYSET=) echo "SELLAVIE_EMAIL_LINK_KEYSET=$(tink_keyset)" ;;
      SELLAVIE_AI_KEYSET=) echo "SELLAVIE_AI_KEYSET=$(tink_keyset)" ;;
      SELLAVIE_*PASSWORD=|SELLAVIE_*_TOKEN=|SELLAVIE_META_APP_SECRET=)
        case "$line" in SELLAVIE_SMTP_PASSWORD=) echo "$line"; continue ;; esac
        echo "${line}$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" ;;
      *) echo "$line" ;;
    esac
  done < "$root/.env.example" > "$env_file"
  echo "init-env: wrote $env_file"
fi

secrets_dir=$(sed -n 's/^SELLAVIE_SECRETS_DIR=//p' "$env_file")
secrets_dir=${secrets_dir:-./infra/compose/secrets}
case "$secrets_dir" in /*) ;; *) secrets_dir="$root/${secrets_dir#./}" ;; esac
mkdir -p "$secrets_dir"
[ -f "$secrets_dir/jwt-signing-key.pem" ] \
  || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$secrets_dir/jwt-signing-key.pem" 2>/dev/null
for keyset in identity conversation commerce; do
  [ -f "$secrets_dir/$keyset-keyset.json" ] || tink_keyset > "$secrets_dir/$keyset-keyset.json"
done
# The services run as uid 10001 (infra/images/service) and read these bind-mounted files: as root, they
# are handed to that uid with mode 600; otherwise they stay readable (mode 644) in a mode 700 folder.
chmod 700 "$secrets_dir"
if [ "$(id -u)" = 0 ]; then
  chown 10001:10001 "$secrets_dir"/*
  chmod 600 "$secrets_dir"/*
else
  chmod 644 "$secrets_dir"/*
fi
echo "init-env: secrets in $secrets_dir"

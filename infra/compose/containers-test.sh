#!/bin/bash
# The container-level fault test (system-tests, Maven profile `containers`; not in CI): Testcontainers over
# podman's Docker-compatible socket, with the images of infra/images/build-images.sh. As root, from the
# repository root, after `./mvnw -B -DskipTests install` (or package + the images already built):
#
#   infra/compose/containers-test.sh            # extra Maven arguments are passed on, e.g. -o
#
# Starts a podman API socket for the run and stops it after. Testcontainers' settings this kind of VM needs
# (Ryuk off, TESTCONTAINERS_HOST_OVERRIDE=localhost) are in the profile (../shared/CONTAINERS.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export CONTAINERS_CONF="$root/infra/compose/containers.conf"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for image in postgres:15 apache/kafka:4.1.2 apicurio/apicurio-registry:3.3.3 sellavie/topics:0.1.0 \
             sellavie/webhook-ingest-service:0.1.0; do
  podman image exists "$image" || { echo "no image $image: run infra/images/build-images.sh first" >&2; exit 1; }
done
work=$(mktemp -d)
socket="$work/podman.sock"
podman system service --time=0 "unix://$socket" 2>"$work/podman-service.log" & service_pid=$!
trap 'kill "$service_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.2; done
export DOCKER_HOST="unix://$socket"
cd "$root"
./mvnw -B -pl system-tests -Pcontainers verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false "$@"

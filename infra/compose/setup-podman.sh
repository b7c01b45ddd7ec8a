#!/bin/bash
# Idempotent set-up of podman + docker-compose on a Debian machine without Docker (as root), after
# ../shared/CONTAINERS.md: the packages, a containers.conf this kind of VM needs (ulimits it can grant,
# runc), and localhost/debian-base:bookworm, the base every locally built image starts from.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
need=()
for tool in podman debootstrap runc docker-compose; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman debootstrap runc uidmap slirp4netns fuse-overlayfs
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose
fi
if [ ! -f /etc/containers/containers.conf ] || ! grep -q 'runtime = "runc"' /etc/containers/containers.conf; then
  mkdir -p /etc/containers
  cp "$here/containers.conf" /etc/containers/containers.conf
fi
if ! podman image exists localhost/debian-base:bookworm; then
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | grep -v security | head -1)
  rootfs=$(mktemp -d)
  debootstrap --variant=minbase bookworm "$rootfs" "${mirror:-http://deb.debian.org/debian}"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - localhost/debian-base:bookworm
  rm -rf "$rootfs"
fi

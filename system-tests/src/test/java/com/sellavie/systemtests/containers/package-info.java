/**
 * Container-level fault tests (Maven profile {@code containers}, not in CI: they need podman and the images
 * of infra/images/build-images.sh): the compose images run under Testcontainers on one network, and faults
 * are made with its Docker client (network disconnect, pause) while signed DMs flow.
 */
package com.sellavie.systemtests.containers;

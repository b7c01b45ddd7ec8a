/**
 * Operator endpoints under {@code /ops/**} on each service's own port (never routed by the gateway):
 * guarded by the operator token, not by merchants' access tokens, because they act across tenants.
 * The dead letters of the topics a service consumes: list them, replay them.
 */
package com.sellavie.platform.operations;

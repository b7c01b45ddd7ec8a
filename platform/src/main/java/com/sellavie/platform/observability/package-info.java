/**
 * Observability every service gets: health groups for the orchestrator's probes, a Kafka health
 * indicator, Prometheus metrics, and traces that cross Kafka (W3C traceparent).
 */
package com.sellavie.platform.observability;

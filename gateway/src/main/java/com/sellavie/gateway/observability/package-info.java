/** Traces from the edge: OTLP export configured from OpenTelemetry's standard variables. */
package com.sellavie.gateway.observability;

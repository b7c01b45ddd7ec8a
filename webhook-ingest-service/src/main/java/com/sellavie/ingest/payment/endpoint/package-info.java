/**
 * Which business and secret a payment webhook endpoint id stands for: asked of commerce (the secrets' owner)
 * over its internal endpoint, cached briefly, behind a circuit breaker.
 */
package com.sellavie.ingest.payment.endpoint;

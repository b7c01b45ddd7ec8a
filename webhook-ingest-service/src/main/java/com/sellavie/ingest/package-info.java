/** webhook-ingest-service: verifies and normalises Meta and payment-provider webhooks, routes them to a tenant and publishes them. */
package com.sellavie.ingest;

/** Ingest throughput against a bare signed-webhook endpoint (issue 12 item 2): the endpoint and, in tests, the runner. */
package com.sellavie.bench.ingest;

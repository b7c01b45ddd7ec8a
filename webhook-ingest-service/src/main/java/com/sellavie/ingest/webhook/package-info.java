/** Plumbing every webhook endpoint shares: reading the exact received bytes within a size limit. */
package com.sellavie.ingest.webhook;

/**
 * Plumbing every webhook endpoint shares: reading the exact received bytes within a size limit, and committing
 * a verified webhook's work, batched with concurrent ones, before it is answered.
 */
package com.sellavie.ingest.webhook;

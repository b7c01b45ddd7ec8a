/**
 * Telling a failure worth retrying (a timeout, a connection refused, a lock or serialization
 * conflict, an unreachable registry, a 5xx or 429) from one that will fail the same way every time
 * (bad input, a constraint violation, an effect already done). Kafka's error handler retries only
 * the former; services use the same {@link com.sellavie.platform.failure.FailureClassifier} for
 * their own retries.
 */
package com.sellavie.platform.failure;

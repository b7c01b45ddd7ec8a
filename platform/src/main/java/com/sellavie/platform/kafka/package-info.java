/**
 * Kafka defaults every service gets: reliable producers, Avro consumers that fail loudly, bounded
 * retries, dead-letter topics holding the original bytes, and their replay.
 */
package com.sellavie.platform.kafka;

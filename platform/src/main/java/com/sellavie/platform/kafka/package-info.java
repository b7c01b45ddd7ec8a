/**
 * Kafka defaults every service gets: reliable producers, Avro consumers that fail loudly, transient
 * failures retried with backoff by pausing only the failing partition, permanent ones dead-lettered
 * at once (original bytes kept), every failure logged and counted, and the replay of dead letters.
 */
package com.sellavie.platform.kafka;

/**
 * The outbox relay: one Debezium embedded engine per database, elected by a PostgreSQL advisory lock,
 * streaming the outbox's inserts to Kafka at least once.
 */
package com.sellavie.platform.relay;

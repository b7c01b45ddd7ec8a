/** Kafka listeners: each record, once per consumer group (inbox), handed to a feature. */
package com.sellavie.ai.messaging.inbound;

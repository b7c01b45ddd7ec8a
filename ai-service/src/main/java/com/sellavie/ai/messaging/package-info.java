/** Mappings between Kafka's Avro records and ai-service's features. */
package com.sellavie.ai.messaging;

/** Builds the Avro events ai-service publishes. */
package com.sellavie.ai.messaging.outbound;

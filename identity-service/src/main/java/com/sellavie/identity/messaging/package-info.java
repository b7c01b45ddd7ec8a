/** Mappings from identity's facts to the Avro events it publishes through the outbox. */
package com.sellavie.identity.messaging;

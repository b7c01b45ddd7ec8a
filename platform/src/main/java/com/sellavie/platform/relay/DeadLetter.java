package com.sellavie.platform.relay;

import java.util.Map;
import java.util.UUID;

/**
 * A record the relay will not deliver by retrying, as kept in relay_dead_letters: what it knows of the
 * event (any field may be missing for a change it could not read) and why.
 */
record DeadLetter(UUID eventId, String topic, String key, Map<String, String> headers, byte[] payload, String reason) {
}

package com.sellavie.local.bench;

import java.nio.charset.StandardCharsets;

/**
 * The common head of every Sellavie event on Kafka, read without the schemas: Confluent framing (magic byte 0,
 * 4-byte schema id), then Avro binary whose first four fields are, in every contract, eventId (string),
 * occurredAt (long), businessId (string) and correlationId (string). Enough to follow one journey.
 * (The same reading as system-tests' bench; that one is test code of another module.)
 */
record EventEnvelope(String eventId, long occurredAt, String businessId, String correlationId) {

    static EventEnvelope read(byte[] value) {
        if (value == null || value.length < 6 || value[0] != 0) {
            throw new IllegalArgumentException("Not a Confluent-framed Avro value");
        }
        int[] position = {5};
        String eventId = string(value, position);
        long occurredAt = varLong(value, position);
        String businessId = string(value, position);
        String correlationId = string(value, position);
        return new EventEnvelope(eventId, occurredAt, businessId, correlationId);
    }

    /** Avro's zig-zag varint. */
    private static long varLong(byte[] bytes, int[] position) {
        long raw = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[position[0]++];
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    private static String string(byte[] bytes, int[] position) {
        int length = (int) varLong(bytes, position);
        String value = new String(bytes, position[0], length, StandardCharsets.UTF_8);
        position[0] += length;
        return value;
    }
}

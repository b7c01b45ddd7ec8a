package com.sellavie.systemtests.bench;

import java.nio.charset.StandardCharsets;

/**
 * The common head of every Sellavie event as it travels on Kafka, read without the schemas on the
 * classpath: Confluent framing (magic byte 0 and a 4-byte schema id), then Avro binary whose first
 * four fields are, in every contract, eventId (string), occurredAt (long), businessId (string) and
 * correlationId (string). Enough to follow one journey through the topics.
 */
record EventEnvelope(String eventId, long occurredAt, String businessId, String correlationId) {

    static EventEnvelope read(byte[] value) {
        if (value == null || value.length < 6 || value[0] != 0) {
            throw new IllegalArgumentException("Not a Confluent-framed Avro value");
        }
        Reader reader = new Reader(value, 5);
        String eventId = reader.string();
        long occurredAt = reader.varLong();
        String businessId = reader.string();
        String correlationId = reader.string();
        return new EventEnvelope(eventId, occurredAt, businessId, correlationId);
    }

    /** Avro's zig-zag varints and length-prefixed UTF-8 strings. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        long varLong() {
            long raw = 0;
            int shift = 0;
            while (true) {
                byte b = bytes[position++];
                raw |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                shift += 7;
            }
            return (raw >>> 1) ^ -(raw & 1);
        }

        String string() {
            int length = (int) varLong();
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }
    }
}

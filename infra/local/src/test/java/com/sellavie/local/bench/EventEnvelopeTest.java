package com.sellavie.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void readsTheCommonHeadOfAConfluentFramedEvent() {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(new byte[] {0, 0, 0, 0, 42});
        string(value, "event-1");
        varLong(value, 1_764_590_000_123L);
        string(value, "business-7");
        string(value, "journey-9");
        string(value, "the rest of the record");

        EventEnvelope envelope = EventEnvelope.read(value.toByteArray());

        assertThat(envelope).isEqualTo(new EventEnvelope("event-1", 1_764_590_000_123L, "business-7", "journey-9"));
    }

    @Test
    void refusesWhatIsNotConfluentFramed() {
        assertThatThrownBy(() -> EventEnvelope.read("{\"json\":true}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        varLong(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void varLong(ByteArrayOutputStream out, long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
    }
}

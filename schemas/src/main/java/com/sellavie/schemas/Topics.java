package com.sellavie.schemas;

import com.sellavie.events.ingest.InboundMessageReceived;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** Every topic Sellavie publishes, with its key and event types. The one place topic names live. */
public final class Topics {

    public static final Topic INGEST_INBOUND_MESSAGES = new Topic("ingest.inbound-messages",
            "conversation key: channel external id + sender external id", false,
            List.of(InboundMessageReceived.class));

    public static final List<Topic> ALL = List.of(INGEST_INBOUND_MESSAGES);

    private Topics() {
    }

    public static Optional<Topic> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The topic an event type is published to; each event type belongs to exactly one topic. */
    public static Topic of(Class<? extends SpecificRecord> type) {
        return ALL.stream().filter(t -> t.carries(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No topic carries " + type.getName()));
    }
}

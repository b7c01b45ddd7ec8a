package com.sellavie.platform.relay;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.events.ingest.InboundMessageReceived;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Test events: a real event type from the schemas module, with the text the test wants to find again. */
final class Events {

    static final UUID BUSINESS = UUID.fromString("0190f5a4-7b7e-7c3e-9a51-5f0c2d7e8a11");

    private Events() {
    }

    static InboundMessageReceived inboundMessage(String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return InboundMessageReceived.newBuilder()
                .setEventId(UuidCreator.getTimeOrderedEpoch())
                .setOccurredAt(now)
                .setBusinessId(BUSINESS)
                .setCorrelationId("corr-" + text)
                .setChannelType("INSTAGRAM")
                .setChannelExternalId("17841400000000001")
                .setSenderExternalId("igsid-42")
                .setExternalMessageId("mid." + text)
                .setText(text)
                .setSentAt(now)
                .build();
    }
}

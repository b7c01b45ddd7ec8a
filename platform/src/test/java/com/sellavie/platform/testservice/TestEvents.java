package com.sellavie.platform.testservice;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.events.ingest.InboundMessageReceived;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Test events: a real event type from the schemas module, carrying the text a test looks for. */
public final class TestEvents {

    public static final UUID BUSINESS_A = UUID.fromString("0190f5a4-7b7e-7c3e-9a51-00000000000a");
    public static final UUID BUSINESS_B = UUID.fromString("0190f5a4-7b7e-7c3e-9a51-00000000000b");

    private TestEvents() {
    }

    public static InboundMessageReceived inboundMessage(UUID businessId, String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return InboundMessageReceived.newBuilder()
                .setEventId(UuidCreator.getTimeOrderedEpoch())
                .setOccurredAt(now)
                .setBusinessId(businessId)
                .setCorrelationId("corr-" + text)
                .setChannelType("INSTAGRAM")
                .setChannelExternalId("17841400000000001")
                .setSenderExternalId("igsid-7")
                .setExternalMessageId("mid." + text)
                .setText(text)
                .setSentAt(now)
                .build();
    }
}

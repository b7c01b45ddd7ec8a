package com.sellavie.commerce.checkout;

import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks conversation-service to send a text to a conversation's customer ({@code OutboundMessageRequested}
 * on {@code messaging.outbound-requests}, key = conversation id), in the caller's transaction. Also used by
 * invoicing for the receipt.
 */
@Component
public class CustomerMessages {

    static final String CHECKOUT_LINK = "CHECKOUT_LINK";
    static final String CHECKOUT_REJECTED = "CHECKOUT_REJECTED";
    static final String CHECKOUT_FAILED = "CHECKOUT_FAILED";
    static final String PAYMENT_STATUS = "PAYMENT_STATUS";
    static final String INVOICE = "INVOICE";
    public static final String RECEIPT = "RECEIPT";

    private final Outbox outbox;
    private final Clock clock;

    CustomerMessages(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return the request's eventId (conversation-service sends each eventId once) */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID send(UUID businessId, UUID conversationId, String correlationId, String causationId, String text,
            String purpose, String reference) {
        UUID eventId = EventMetadata.newEventId();
        outbox.publish(OutboundMessageRequested.newBuilder()
                .setEventId(eventId).setOccurredAt(clock.instant()).setBusinessId(businessId)
                .setCorrelationId(correlationId).setCausationId(causationId).setConversationId(conversationId)
                .setText(text).setPurpose(purpose).setReference(reference).build(), conversationId.toString());
        return eventId;
    }
}

package com.sellavie.commerce.checkout;

import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.commerce.CheckoutRejected;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A CHECKOUT action that made no order: CheckoutRejected for the team and a polite word to the customer. */
@Component
class Rejections {

    private static final Logger log = LoggerFactory.getLogger(Rejections.class);

    private final Outbox outbox;
    private final CustomerMessages messages;
    private final MeterRegistry meters;
    private final Clock clock;

    Rejections(Outbox outbox, CustomerMessages messages, MeterRegistry meters, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reject(ReplyGenerated reply, Rejection rejection) {
        outbox.publish(CheckoutRejected.newBuilder()
                .setEventId(EventMetadata.newEventId()).setOccurredAt(clock.instant())
                .setBusinessId(reply.getBusinessId()).setCorrelationId(reply.getCorrelationId())
                .setCausationId(reply.getEventId().toString()).setConversationId(reply.getConversationId())
                .setReplyEventId(reply.getEventId().toString()).setReason(rejection.reason())
                .setDetail(rejection.detail()).build(), reply.getConversationId().toString());
        messages.send(reply.getBusinessId(), reply.getConversationId(), reply.getCorrelationId(),
                reply.getEventId().toString(), CustomerTexts.rejected(rejection), CustomerMessages.CHECKOUT_REJECTED,
                null);
        meters.counter("sellavie.commerce.checkout.rejected", "reason", rejection.reason()).increment();
        log.info("CHECKOUT of reply {} (business {}, conversation {}) refused: {}: {}", reply.getEventId(),
                reply.getBusinessId(), reply.getConversationId(), rejection.reason(), rejection.detail());
    }
}

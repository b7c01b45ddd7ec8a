package com.sellavie.ingest.payment;

import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.sellavie.platform.outbox.Outbox;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes one verified payment notification through the outbox, in its own transaction: the 200 the
 * provider gets means the event is committed and will reach {@code ingest.payment-events}.
 */
@Service
class PaymentWebhookIngestion {

    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    PaymentWebhookIngestion(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    PaymentEventReceived publish(PaymentNotification notification, PaymentEndpoint endpoint) {
        PaymentEventReceived event = PaymentEvents.received(notification, endpoint, clock.instant());
        outbox.publish(event, notification.key());
        return event;
    }
}

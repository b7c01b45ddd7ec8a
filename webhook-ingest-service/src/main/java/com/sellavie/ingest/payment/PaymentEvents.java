package com.sellavie.ingest.payment;

import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;

/** A verified, normalised notification as the Avro event commerce consumes. No secret has a field here. */
final class PaymentEvents {

    private PaymentEvents() {
    }

    static PaymentEventReceived received(PaymentNotification notification, PaymentEndpoint endpoint, Instant now) {
        EventMetadata metadata = EventMetadata.startOfJourney(endpoint.businessId(), now);
        return PaymentEventReceived.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId())
                .setCorrelationId(metadata.correlationId())
                .setCausationId(null)
                .setProvider(notification.provider().name())
                .setEndpointId(endpoint.endpointId())
                .setProviderEventId(notification.providerEventId())
                .setEventType(notification.eventType())
                .setStatus(notification.status().name())
                .setReference(notification.reference())
                .setOrderId(notification.orderId())
                .setProviderTransactionId(notification.providerTransactionId())
                .setAmountMinor(notification.amountMinor())
                .setCurrency(notification.currency())
                .setLivemode(notification.livemode())
                .build();
    }
}

package com.sellavie.notification.messaging.accountemails;

import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.notification.email.EmailQueue;
import com.sellavie.notification.email.EmailRequest;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code identity.account-emails}: queues each AccountEmailRequested once per emailId (inbox entry and
 * queued email in one transaction; the unique emailId also stops a republished request), to be sent
 * by the email sender: the consumer never waits for SMTP. The link stays encrypted. A kind without
 * templates fails into the DLT (replayable once templates exist). Counted {@value #OUTCOMES}{kind, outcome}.
 */
@Component
class AccountEmailsListener {

    static final String OUTCOMES = "sellavie.notification.account_email_events";

    private final IdempotentEventHandler handler;
    private final EmailQueue queue;
    private final MeterRegistry meters;

    AccountEmailsListener(IdempotentEventHandler handler, EmailQueue queue, MeterRegistry meters) {
        this.handler = handler;
        this.queue = queue;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).IDENTITY_ACCOUNT_EMAILS.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        AtomicReference<String> outcome = new AtomicReference<>("redelivered");
        AtomicReference<String> kind = new AtomicReference<>("unknown");
        handler.handleOnce(record, event -> {
            requireSameTenant(record, event);
            if (!(event instanceof AccountEmailRequested requested)) {
                throw new IllegalArgumentException("Unexpected " + EventMetadata.eventType(event)
                        + " on identity.account-emails");
            }
            kind.set(requested.getKind());
            outcome.set(queue.enqueue(request(requested)) ? "queued" : "duplicate");
        });
        meters.counter(OUTCOMES, "kind", kind.get(), "outcome", outcome.get()).increment();
    }

    static EmailRequest request(AccountEmailRequested event) {
        Map<String, String> variables = new LinkedHashMap<>();
        putIfPresent(variables, "businessName", event.getBusinessName());
        putIfPresent(variables, "inviterName", event.getInviterName());
        putIfPresent(variables, "role", event.getRole());
        if (event.getExpiresAt() != null) {
            variables.put("expiresAt", event.getExpiresAt().toString());
        }
        return new EmailRequest(event.getEmailId(), event.getBusinessId(), event.getKind(), event.getRecipient(),
                null, event.getLocale(), variables, event.getActionLinkCiphertext());
    }

    private static void putIfPresent(Map<String, String> variables, String name, String value) {
        if (value != null && !value.isBlank()) {
            variables.put(name, value.strip());
        }
    }

    /** A header naming another business than the payload is a producer bug: never guess which is right. */
    private static void requireSameTenant(ConsumerRecord<?, ?> record, SpecificRecord event) {
        UUID tenant = TenantContext.requireBusinessId();
        UUID owner = EventMetadata.of(event).businessId();
        if (!tenant.equals(owner)) {
            throw new InvalidTenantHeaderException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": businessId header " + tenant + " differs from the event's " + owner);
        }
    }
}

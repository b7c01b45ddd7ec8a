package com.sellavie.notification.messaging.inbound;

import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code conversation.messages}: tells which contact wrote each message a NEW_MESSAGE preview shows.
 * ingest's event knows only the sender's Meta id; conversation's MessageRecorded (INBOUND) names the
 * contact, so the preview with the same channel, account and Meta message id gets its {@code contact_id}.
 * A contact's erasure (which carries no Meta id) then finds their previews. Other events (two of every
 * three: replies, sends, statuses) change nothing here, so they are only counted: no transaction and no
 * inbox row, which only guards an effect against a second run.
 */
@Component
class MessageContactsListener {

    static final String OUTCOMES = "sellavie.notification.message_contact_events";

    private final IdempotentEventHandler handler;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    MessageContactsListener(IdempotentEventHandler handler, JdbcClient jdbc, MeterRegistry meters) {
        this.handler = handler;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).CONVERSATION_MESSAGES.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        AtomicReference<String> outcome = new AtomicReference<>("redelivered");
        if (!(record.value() instanceof MessageRecorded recorded && namesItsContact(recorded))) {
            outcome.set("acknowledged");
        } else {
            handler.handleOnce(record, event -> {
                requireSameTenant(record, event);
                outcome.set(attribute(recorded) > 0 ? "attributed" : "no_preview");
            });
        }
        meters.counter(OUTCOMES, "type", EventMetadata.eventType(record.value()), "outcome", outcome.get())
                .increment();
    }

    private static boolean namesItsContact(MessageRecorded message) {
        return "INBOUND".equals(message.getDirection()) && message.getExternalMessageId() != null
                && message.getContactId() != null;
    }

    /**
     * The preview of the same Meta message ({@code external_message_id}) on the same channel account (the start of
     * its reference, {@code channel/account/sender/mid}: NewMessageNotifications), found through the partial index
     * of the previews still without a contact ({@code notifications_unattributed_previews}, V5): one lookup, however
     * many previews the business has. No character of an id is read as a pattern.
     */
    static final String ATTRIBUTE_PREVIEW = """
            UPDATE notifications SET contact_id = :contact
             WHERE business_id = :business AND kind = 'NEW_MESSAGE' AND contact_id IS NULL
               AND external_message_id = :mid AND starts_with(reference, :prefix)
            """;

    private int attribute(MessageRecorded message) {
        return jdbc.sql(ATTRIBUTE_PREVIEW)
                .param("contact", message.getContactId())
                .param("business", message.getBusinessId())
                .param("mid", message.getExternalMessageId())
                .param("prefix", message.getChannelType() + "/" + message.getChannelExternalId() + "/")
                .update();
    }

    private static void requireSameTenant(ConsumerRecord<?, ?> record, SpecificRecord event) {
        UUID tenant = TenantContext.requireBusinessId();
        UUID owner = EventMetadata.of(event).businessId();
        if (!tenant.equals(owner)) {
            throw new InvalidTenantHeaderException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": businessId header " + tenant + " differs from the event's " + owner);
        }
    }
}

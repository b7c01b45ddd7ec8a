package com.sellavie.notification;

import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** identity.account-emails records as identity publishes them (relay headers, registry wire format, encrypted link). */
public final class AccountEmails {

    private static final String TOPIC = Topics.IDENTITY_ACCOUNT_EMAILS.name();

    private AccountEmails() {
    }

    /** A request of {@code kind} whose link is {@code link} encrypted for its own emailId. */
    public static AccountEmailRequested.Builder requested(String kind, String recipient, String locale, String link) {
        EventMetadata m = EventMetadata.startOfJourney(EventMetadata.NO_BUSINESS, Instant.now());
        UUID emailId = UUID.randomUUID();
        return AccountEmailRequested.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(EventMetadata.NO_BUSINESS).setCorrelationId(m.correlationId()).setEmailId(emailId)
                .setKind(kind).setRecipient(recipient).setLocale(locale)
                .setActionLinkCiphertext(link == null ? null : TestMail.encryptLink(link, emailId))
                .setExpiresAt(Instant.parse("2026-12-01T18:30:00Z").truncatedTo(ChronoUnit.MILLIS));
    }

    /** The same request published again under a new eventId (identity retrying its publication). */
    public static AccountEmailRequested republished(AccountEmailRequested event) {
        return AccountEmailRequested.newBuilder(event).setEventId(UUID.randomUUID()).build();
    }

    public static void publish(AccountEmailRequested event) {
        publish(event, event.getBusinessId().toString());
    }

    /** Publishes keyed by emailId with the relay's headers ({@code businessIdHeader} as tenant). */
    public static void publish(SpecificRecord event, String businessIdHeader) {
        String key = event instanceof AccountEmailRequested request ? request.getEmailId().toString() : "other";
        RelayedEvents.publish(TOPIC, key, event, businessIdHeader);
    }
}

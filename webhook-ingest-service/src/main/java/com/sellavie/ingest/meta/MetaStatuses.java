package com.sellavie.ingest.meta;

import static com.sellavie.ingest.meta.MetaPayloadParser.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads delivery and read statuses: WhatsApp {@code value.statuses[]} (sent, delivered, read, failed with
 * {@code errors[]}), Messenger/Instagram {@code delivery} ({@code mids[]}, {@code watermark}) and {@code read}
 * ({@code watermark}, or Instagram's {@code mid}) events. In those events the sender is the customer.
 */
final class MetaStatuses {

    private static final List<String> WHATSAPP_STATUSES = List.of("SENT", "DELIVERED", "READ", "FAILED");

    private MetaStatuses() {
    }

    /** A Messenger/Instagram messaging event with {@code delivery} or {@code read}; empty for any other. */
    static Optional<MetaStatus> ofMessaging(JsonNode event, String channelType, String entryId) {
        JsonNode delivery = event.path("delivery");
        JsonNode read = event.path("read");
        JsonNode body = delivery.isObject() ? delivery : read;
        String customer = text(event.path("sender").path("id"));
        String business = text(event.path("recipient").path("id"));
        if (!body.isObject() || customer == null) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        body.path("mids").forEach(mid -> Optional.ofNullable(text(mid)).ifPresent(ids::add));
        Optional.ofNullable(text(body.path("mid"))).ifPresent(ids::add);
        JsonNode watermarkNode = body.path("watermark");
        Instant watermark = watermarkNode.isNumber() ? Instant.ofEpochMilli(watermarkNode.asLong()) : null;
        if (ids.isEmpty() && watermark == null) {
            return Optional.empty();
        }
        JsonNode timestamp = event.path("timestamp");
        Instant at = timestamp.isNumber() ? Instant.ofEpochMilli(timestamp.asLong())
                : watermark != null ? watermark : Instant.now();
        return Optional.of(new MetaStatus(channelType, business != null ? business : entryId, customer,
                delivery.isObject() ? "DELIVERED" : "READ", ids, watermark, at, null, null, null, null));
    }

    /** One WhatsApp {@code statuses[]} item; empty when incomplete or a status Sellavie does not track. */
    static Optional<MetaStatus> ofWhatsApp(JsonNode status, String phoneNumberId, String displayNumber,
            String wabaId) {
        String id = text(status.path("id"));
        String recipient = text(status.path("recipient_id"));
        String value = text(status.path("status"));
        String normalised = value == null ? null : value.toUpperCase(Locale.ROOT);
        if (id == null || recipient == null || phoneNumberId == null || !WHATSAPP_STATUSES.contains(normalised)) {
            return Optional.empty();
        }
        JsonNode error = status.path("errors").path(0);
        String errorCode = "FAILED".equals(normalised) ? text(error.path("code")) : null;
        String errorTitle = null;
        if ("FAILED".equals(normalised)) {
            errorTitle = text(error.path("title"));
            errorTitle = errorTitle != null ? errorTitle : text(error.path("message"));
        }
        return Optional.of(new MetaStatus("WHATSAPP", phoneNumberId, recipient, normalised, List.of(id), null,
                seconds(text(status.path("timestamp"))), errorCode, errorTitle, displayNumber, wabaId));
    }

    private static Instant seconds(String value) {
        try {
            return value == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }
}

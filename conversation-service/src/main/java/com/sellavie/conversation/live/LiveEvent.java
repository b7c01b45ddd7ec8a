package com.sellavie.conversation.live;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of {@code live_events}: what changed (kind), where (conversation, message) and a word about it
 * (a message's direction, its new delivery status, a conversation's mode). Ids only: the console reads
 * the data itself, with its own token.
 */
record LiveEvent(long id, UUID businessId, String kind, UUID conversationId, UUID messageId, String detail,
        Instant at) {

    static final String MESSAGE = "message";
    static final String MESSAGE_STATUS = "message-status";
    static final String CONVERSATION = "conversation";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The notification's payload, as {@code live_event_append} writes it. */
    static LiveEvent fromNotification(String payload) {
        JsonNode node = JSON.readTree(payload);
        return new LiveEvent(node.get("id").asLong(), UUID.fromString(node.get("businessId").asString()),
                node.get("kind").asString(), UUID.fromString(node.get("conversationId").asString()),
                uuidOrNull(node.get("messageId")), textOrNull(node.get("detail")),
                Instant.parse(normalise(node.get("at").asString())));
    }

    /** The SSE {@code data}: {"conversationId", "messageId", plus direction, deliveryStatus or mode}. */
    String data() {
        var data = JSON.createObjectNode();
        data.put("conversationId", conversationId.toString());
        if (messageId != null) {
            data.put("messageId", messageId.toString());
        }
        String field = switch (kind) {
            case MESSAGE -> "direction";
            case MESSAGE_STATUS -> "deliveryStatus";
            default -> "mode";
        };
        if (detail != null) {
            data.put(field, detail);
        }
        return JSON.writeValueAsString(data);
    }

    private static UUID uuidOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : UUID.fromString(node.asString());
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /** json_build_object writes timestamptz as "2026-11-30T13:16:22.123456+00:00". */
    private static String normalise(String at) {
        return OffsetDateTime.parse(at).toInstant().toString();
    }
}

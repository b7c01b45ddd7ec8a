package com.sellavie.conversation.conversations;

import com.sellavie.conversation.conversations.ConversationViews.Attachment;
import com.sellavie.conversation.conversations.ConversationViews.Reaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The message JSON's attachments (stored JSON, outbound image) and reactions, from their columns. */
final class MessageContentViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessageContentViews() {
    }

    static List<Attachment> attachments(String storedJson, String imageUrl) {
        List<Attachment> attachments = new ArrayList<>();
        if (storedJson != null) {
            for (JsonNode item : JSON.readTree(storedJson)) {
                String type = item.path("type").asString();
                if ("location".equals(type)) {
                    String place = Stream.of(text(item, "name"), text(item, "address"))
                            .filter(part -> part != null).collect(Collectors.joining(", "));
                    attachments.add(new Attachment(type, null, null, place.isEmpty() ? null : place,
                            item.path("latitude").asDouble(), item.path("longitude").asDouble()));
                } else {
                    attachments.add(new Attachment(type, text(item, "url"), text(item, "mediaId"),
                            text(item, "caption"), null, null));
                }
            }
        }
        if (imageUrl != null) {
            attachments.add(new Attachment("image", imageUrl));
        }
        return attachments;
    }

    static List<Reaction> reactions(String customerReaction, Instant at) {
        return customerReaction == null ? List.of() : List.of(new Reaction(customerReaction, "CUSTOMER", at));
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isString() ? value.asString() : null;
    }
}

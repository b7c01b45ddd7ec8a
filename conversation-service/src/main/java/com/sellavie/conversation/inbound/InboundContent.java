package com.sellavie.conversation.inbound;

import com.sellavie.events.ingest.InboundAttachment;
import com.sellavie.events.ingest.InboundMessageReceived;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is kept of a customer's message beyond its text (the {@code messages.attachments} JSON), the text
 * stored (a tapped button's title when Meta gives no text), and the text the assistant reads: a stand-in
 * such as {@code [image] This one?} for a message without text, so it can still answer.
 */
final class InboundContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InboundContent() {
    }

    /** The stored text: the customer's text, else the title of the choice they tapped. */
    static String storedText(InboundMessageReceived event) {
        if (event.getText() != null || event.getInteractive() == null) {
            return event.getText();
        }
        return event.getInteractive().getTitle();
    }

    /** Attachments, a story replied to and a shared location, as one JSON array (empty when none). */
    static String attachmentsJson(InboundMessageReceived event) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (event.getReplyToStory() != null) {
            items.add(item("type", "story_reply", "url", event.getReplyToStory().getUrl(),
                    "id", event.getReplyToStory().getId()));
        }
        for (InboundAttachment attachment : event.getAttachments()) {
            items.add(item("type", attachment.getType(), "url", attachment.getUrl(),
                    "mediaId", attachment.getMediaId(), "caption", attachment.getCaption()));
        }
        if (event.getLocation() != null) {
            items.add(item("type", "location", "latitude", event.getLocation().getLatitude(),
                    "longitude", event.getLocation().getLongitude(), "name", event.getLocation().getName(),
                    "address", event.getLocation().getAddress()));
        }
        return JSON.writeValueAsString(items);
    }

    /** What the assistant is asked to answer: the text, preceded by a bracketed word per non-text part. */
    static String triggerText(InboundMessageReceived event) {
        Stream<String> story = event.getComment() != null ? Stream.of("[comment on your post]")
                : event.getReplyToStory() == null ? Stream.empty() : Stream.of("[reply to your story]");
        Stream<String> attachments = event.getAttachments().stream()
                .map(a -> "[" + a.getType() + "]" + (a.getCaption() == null ? "" : " " + a.getCaption()));
        Stream<String> location = event.getLocation() == null ? Stream.empty()
                : Stream.of("[location" + Stream.of(event.getLocation().getName(), event.getLocation().getAddress())
                        .filter(Objects::nonNull).map(part -> ": " + part).collect(Collectors.joining()) + "]");
        String joined = Stream.of(story, attachments, location, Stream.ofNullable(storedText(event)))
                .flatMap(s -> s).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static Map<String, Object> item(Object... keysAndValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                item.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return item;
    }
}

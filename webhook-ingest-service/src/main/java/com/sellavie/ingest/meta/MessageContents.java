package com.sellavie.ingest.meta;

import static com.sellavie.ingest.meta.MetaPayloadParser.text;

import com.sellavie.ingest.meta.MetaContent.Attachment;
import com.sellavie.ingest.meta.MetaContent.Interactive;
import com.sellavie.ingest.meta.MetaContent.Location;
import com.sellavie.ingest.meta.MetaContent.Reaction;
import com.sellavie.ingest.meta.MetaContent.StoryReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a customer's message holds beyond text, as Meta documents it: Instagram/Messenger
 * {@code message.attachments[]}, {@code reply_to.story}, {@code quick_reply} and {@code reaction} events;
 * WhatsApp media, interactive and button replies, locations and reactions.
 */
final class MessageContents {

    /** WhatsApp media types: each carries {@code {id, mime_type, caption?, filename?}} under its own type name. */
    private static final List<String> WHATSAPP_MEDIA = List.of("image", "audio", "video", "document", "sticker");

    private MessageContents() {
    }

    /** Instagram/Messenger {@code message} object. */
    static MetaContent ofMessaging(JsonNode message) {
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            String type = lower(text(attachment.path("type")));
            attachments.add(new Attachment(type == null ? "unknown" : type,
                    text(attachment.path("payload").path("url")), null, null));
        }
        if (message.path("is_unsupported").asBoolean(false)) {
            attachments.add(new Attachment("unsupported", null, null, null));
        }
        JsonNode story = message.path("reply_to").path("story");
        StoryReply storyReply = story.isObject() ? new StoryReply(text(story.path("id")), text(story.path("url"))) : null;
        JsonNode quickReply = message.path("quick_reply");
        Interactive interactive = quickReply.isObject()
                ? new Interactive("quick_reply", text(quickReply.path("payload")), text(message.path("text")))
                : null;
        return new MetaContent(attachments, storyReply, interactive, null, null);
    }

    /** Instagram/Messenger {@code reaction} event body: {@code {mid, action, reaction?, emoji?}}; null without a mid. */
    static Reaction ofMessagingReaction(JsonNode reaction) {
        String target = text(reaction.path("mid"));
        if (target == null) {
            return null;
        }
        boolean removed = "unreact".equalsIgnoreCase(text(reaction.path("action")));
        String emoji = text(reaction.path("emoji"));
        return new Reaction(removed ? "UNREACT" : "REACT",
                removed ? null : (emoji != null ? emoji : text(reaction.path("reaction"))), target);
    }

    /** A WhatsApp message's text and content, by its {@code type}. */
    record WhatsAppBody(String text, MetaContent content) {
    }

    static WhatsAppBody ofWhatsApp(JsonNode message) {
        String type = text(message.path("type"));
        if (type == null || "text".equals(type)) {
            return new WhatsAppBody(text(message.path("text").path("body")), MetaContent.NONE);
        }
        if (WHATSAPP_MEDIA.contains(type)) {
            JsonNode media = message.path(type);
            String caption = text(media.path("caption"));
            Attachment attachment = new Attachment("document".equals(type) ? "file" : type, null,
                    text(media.path("id")), caption != null ? caption : text(media.path("filename")));
            return new WhatsAppBody(null, new MetaContent(List.of(attachment), null, null, null, null));
        }
        return switch (type) {
            case "interactive" -> {
                JsonNode interactive = message.path("interactive");
                String kind = text(interactive.path("type"));
                JsonNode reply = interactive.path(kind == null ? "" : kind);
                yield new WhatsAppBody(null, new MetaContent(List.of(), null,
                        new Interactive(kind == null ? "interactive" : kind, text(reply.path("id")),
                                text(reply.path("title"))), null, null));
            }
            case "button" -> new WhatsAppBody(null, new MetaContent(List.of(), null,
                    new Interactive("button", text(message.path("button").path("payload")),
                            text(message.path("button").path("text"))), null, null));
            case "location" -> {
                JsonNode location = message.path("location");
                yield new WhatsAppBody(null, new MetaContent(List.of(), null, null,
                        new Location(location.path("latitude").asDouble(), location.path("longitude").asDouble(),
                                text(location.path("name")), text(location.path("address"))), null));
            }
            case "reaction" -> {
                JsonNode reaction = message.path("reaction");
                String emoji = text(reaction.path("emoji"));
                String target = text(reaction.path("message_id"));
                yield target == null ? new WhatsAppBody(null, unsupported(type))
                        : new WhatsAppBody(null, MetaContent.reaction(
                                new Reaction(emoji == null ? "UNREACT" : "REACT", emoji, target)));
            }
            // contacts, order, system, unsupported...: shown as what they are, so the team can look in WhatsApp.
            default -> new WhatsAppBody(null, unsupported(type));
        };
    }

    private static MetaContent unsupported(String type) {
        return new MetaContent(List.of(new Attachment(type, null, null, null)), null, null, null, null);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}

package com.sellavie.ingest.meta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the verified bytes of a Meta webhook into customer messages (reactions and public comments
 * included) and delivery statuses: Instagram ({@code instagram}) and Messenger ({@code page})
 * {@code entry[].messaging[]} and comment {@code entry[].changes[]} ({@link MetaComments}), and
 * WhatsApp ({@code whatsapp_business_account}) {@code entry[].changes[].value.messages[]} and
 * {@code statuses[]}. Echoes of the business's own messages and other events (postback, referral...) are
 * skipped and named, so they can be counted.
 */
class MetaPayloadParser {

    static final String INSTAGRAM = "instagram";
    static final String PAGE = "page";
    static final String WHATSAPP = "whatsapp_business_account";
    /** Messaging event kinds Meta sends beside {@code message}; the first one present names a skipped event. */
    private static final List<String> OTHER_EVENT_KINDS = List.of("read", "reaction", "postback", "delivery",
            "referral", "optin", "account_linking", "policy_enforcement", "game_play", "handover");

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    MetaNotification parse(byte[] body) throws MalformedPayloadException {
        JsonNode root = root(body);
        String objectType = text(root.path("object"));
        JsonNode entries = root.path("entry");
        Found found = new Found(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        boolean supported = true;
        switch (objectType) {
            case INSTAGRAM -> entries.forEach(entry -> messaging(entry, "INSTAGRAM", found));
            case PAGE -> entries.forEach(entry -> messaging(entry, "MESSENGER", found));
            case WHATSAPP -> entries.forEach(entry -> whatsapp(entry, found));
            default -> supported = false;
        }
        return new MetaNotification(objectType, supported, List.copyOf(found.messages()),
                List.copyOf(found.statuses()), List.copyOf(found.ignored()));
    }

    /**
     * Each customer message of a verified webhook, by Meta message id (mid / wamid), as the webhook
     * reduced to that one message: what is kept of an unroutable DM, and what {@link #parse} reads
     * back into the same {@link MetaMessage} when it is replayed. For WhatsApp only the sender's own
     * {@code contacts} entry is kept.
     */
    Map<String, String> messageDocuments(byte[] body) throws MalformedPayloadException {
        JsonNode root = root(body);
        String objectType = text(root.path("object"));
        Map<String, String> documents = new LinkedHashMap<>();
        for (JsonNode entry : root.path("entry")) {
            if (INSTAGRAM.equals(objectType) || PAGE.equals(objectType)) {
                for (JsonNode change : entry.path("changes")) {
                    String commentId = MetaComments.commentId(change);
                    if (commentId != null) {
                        ObjectNode single = entryHeader(entry);
                        single.putArray("changes").add(change);
                        documents.putIfAbsent(commentId, webhookOf(objectType, single));
                    }
                }
                for (JsonNode event : entry.path("messaging")) {
                    String mid = event.path("reaction").isObject() ? reactionId(event)
                            : text(event.path("message").path("mid"));
                    if (mid != null) {
                        ObjectNode single = entryHeader(entry);
                        single.putArray("messaging").add(event);
                        documents.putIfAbsent(mid, webhookOf(objectType, single));
                    }
                }
            } else if (WHATSAPP.equals(objectType)) {
                for (JsonNode change : entry.path("changes")) {
                    JsonNode value = change.path("value");
                    for (JsonNode message : value.path("messages")) {
                        String id = text(message.path("id"));
                        if (id == null || !"messages".equals(text(change.path("field")))) {
                            continue;
                        }
                        ObjectNode reduced = json.createObjectNode();
                        copy(value, reduced, "messaging_product");
                        copy(value, reduced, "metadata");
                        ArrayNode contacts = reduced.putArray("contacts");
                        String from = text(message.path("from"));
                        value.path("contacts").forEach(contact -> {
                            if (from != null && from.equals(text(contact.path("wa_id")))) {
                                contacts.add(contact);
                            }
                        });
                        reduced.putArray("messages").add(message);
                        ObjectNode singleChange = json.createObjectNode();
                        singleChange.put("field", "messages");
                        singleChange.set("value", reduced);
                        ObjectNode single = entryHeader(entry);
                        single.putArray("changes").add(singleChange);
                        documents.putIfAbsent(id, webhookOf(objectType, single));
                    }
                }
            }
        }
        return documents;
    }

    private JsonNode root(byte[] body) throws MalformedPayloadException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedPayloadException("Body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("Body is not a JSON object");
        }
        if (text(root.path("object")) == null || !root.path("entry").isArray()) {
            throw new MalformedPayloadException("Body lacks \"object\" or an \"entry\" array");
        }
        return root;
    }

    private ObjectNode entryHeader(JsonNode entry) {
        ObjectNode header = json.createObjectNode();
        copy(entry, header, "id");
        copy(entry, header, "time");
        return header;
    }

    private String webhookOf(String objectType, ObjectNode entry) {
        ObjectNode webhook = json.createObjectNode();
        webhook.put("object", objectType);
        webhook.putArray("entry").add(entry);
        return json.writeValueAsString(webhook);
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    /** The identifiers a payload names, for an UnroutableWebhook: entry ids and recipient/phone ids. */
    static List<Map.Entry<String, String>> identifiersOf(MetaMessage message) {
        List<Map.Entry<String, String>> ids = new ArrayList<>();
        if ("WHATSAPP".equals(message.channelType())) {
            ids.add(Map.entry("metadata.phone_number_id", message.channelExternalId()));
            if (message.displayPhoneNumber() != null) {
                ids.add(Map.entry("metadata.display_phone_number", message.displayPhoneNumber()));
            }
            if (message.accountId() != null) {
                ids.add(Map.entry("entry.id", message.accountId()));
            }
        } else if (message.content() != null && message.content().comment() != null) {
            ids.add(Map.entry("entry.id", message.channelExternalId()));
        } else {
            ids.add(Map.entry("recipient.id", message.channelExternalId()));
        }
        return ids;
    }

    /** What one webhook holds, gathered entry by entry. */
    private record Found(List<MetaMessage> messages, List<MetaStatus> statuses, List<String> ignored) {
    }

    private static void messaging(JsonNode entry, String channelType, Found found) {
        List<MetaMessage> messages = found.messages();
        List<String> ignored = found.ignored();
        String entryId = text(entry.path("id"));
        JsonNode events = entry.path("messaging");
        if (!events.isArray()) {
            if (entry.path("changes").isArray()) {
                MetaComments.of(entry, channelType).forEach(read -> read.message()
                        .ifPresentOrElse(messages::add, () -> ignored.add(read.ignored())));
            } else {
                ignored.add("other");
            }
            return;
        }
        for (JsonNode event : events) {
            JsonNode message = event.path("message");
            if (event.path("delivery").isObject() || event.path("read").isObject()) {
                MetaStatuses.ofMessaging(event, channelType, entryId)
                        .ifPresentOrElse(found.statuses()::add, () -> ignored.add("incomplete"));
                continue;
            }
            if (event.path("reaction").isObject()) {
                reaction(event, channelType, entryId, found);
                continue;
            }
            if (!message.isObject()) {
                ignored.add(OTHER_EVENT_KINDS.stream().filter(event::has).findFirst().orElse("other"));
                continue;
            }
            if (message.path("is_echo").asBoolean(false)) {
                ignored.add("echo");
                continue;
            }
            if (message.path("is_deleted").asBoolean(false)) {
                ignored.add("deleted");
                continue;
            }
            String recipient = firstNonNull(text(event.path("recipient").path("id")), entryId);
            String sender = text(event.path("sender").path("id"));
            String mid = text(message.path("mid"));
            if (recipient == null || sender == null || mid == null) {
                ignored.add("incomplete");
                continue;
            }
            messages.add(new MetaMessage(channelType, recipient, sender, mid, text(message.path("text")),
                    millis(event.path("timestamp"), entry.path("time")), null, null, null,
                    MessageContents.ofMessaging(message)));
        }
    }

    /** A customer's reaction: a message-like event whose id is made from what Meta retries identically. */
    private static void reaction(JsonNode event, String channelType, String entryId, Found found) {
        MetaContent.Reaction reaction = MessageContents.ofMessagingReaction(event.path("reaction"));
        String recipient = firstNonNull(text(event.path("recipient").path("id")), entryId);
        String sender = text(event.path("sender").path("id"));
        if (reaction == null || recipient == null || sender == null) {
            found.ignored().add("incomplete");
            return;
        }
        if (sender.equals(entryId)) {
            found.ignored().add("echo");
            return;
        }
        found.messages().add(new MetaMessage(channelType, recipient, sender, reactionId(event), null,
                millis(event.path("timestamp"), NullNode.getInstance()), null, null, null,
                MetaContent.reaction(reaction)));
    }

    /** Instagram/Messenger reaction events carry no id: {@code reaction:<target mid>:<sender>:<timestamp>}. */
    private static String reactionId(JsonNode event) {
        String target = text(event.path("reaction").path("mid"));
        String sender = text(event.path("sender").path("id"));
        String timestamp = text(event.path("timestamp"));
        return target == null || sender == null ? null
                : "reaction:" + target + ":" + sender + ":" + (timestamp == null ? "" : timestamp);
    }

    private static void whatsapp(JsonNode entry, Found found) {
        List<MetaMessage> messages = found.messages();
        List<String> ignored = found.ignored();
        String wabaId = text(entry.path("id"));
        for (JsonNode change : entry.path("changes")) {
            JsonNode value = change.path("value");
            if (!"messages".equals(text(change.path("field")))) {
                ignored.add("other");
                continue;
            }
            String phoneNumberId = text(value.path("metadata").path("phone_number_id"));
            String displayNumber = text(value.path("metadata").path("display_phone_number"));
            value.path("statuses").forEach(status -> MetaStatuses.ofWhatsApp(status, phoneNumberId,
                    digits(displayNumber), wabaId).ifPresentOrElse(found.statuses()::add, () -> ignored.add("status")));
            Map<String, String> names = new HashMap<>();
            value.path("contacts").forEach(contact -> {
                String waId = text(contact.path("wa_id"));
                String name = text(contact.path("profile").path("name"));
                if (waId != null && name != null) {
                    names.put(waId, name);
                }
            });
            for (JsonNode message : value.path("messages")) {
                String from = text(message.path("from"));
                String id = text(message.path("id"));
                if (phoneNumberId == null || from == null || id == null) {
                    ignored.add("incomplete");
                    continue;
                }
                MessageContents.WhatsAppBody body = MessageContents.ofWhatsApp(message);
                messages.add(new MetaMessage("WHATSAPP", phoneNumberId, from, id, body.text(),
                        seconds(message.path("timestamp")), names.get(from), digits(displayNumber), wabaId,
                        body.content()));
            }
        }
    }

    /** A Meta id or text: a JSON string (ids occasionally arrive as numbers); null when absent. */
    static String text(JsonNode node) {
        if (node.isString()) {
            String value = node.stringValue();
            return value.isBlank() ? null : value;
        }
        return node.isIntegralNumber() ? node.asString() : null;
    }

    /** Digits only, the form WhatsApp's {@code display_phone_number} and a stored number are compared in. */
    static String digits(String phoneNumber) {
        if (phoneNumber == null) {
            return null;
        }
        String digits = phoneNumber.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    private static Instant millis(JsonNode timestamp, JsonNode fallback) {
        JsonNode node = timestamp.isNumber() ? timestamp : fallback;
        return node.isNumber() ? Instant.ofEpochMilli(node.asLong()) : Instant.now();
    }

    private static Instant seconds(JsonNode timestamp) {
        String value = text(timestamp);
        try {
            return value == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}

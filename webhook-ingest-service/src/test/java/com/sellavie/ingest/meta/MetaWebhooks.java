package com.sellavie.ingest.meta;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta webhook bodies as Meta sends them (PROVIDERS.md §1.5, §1.6): exact bytes, {@code /} escaped as
 * {@code \/} and non-ASCII as lowercase {@code \u00e4} escapes, signed over those bytes.
 */
final class MetaWebhooks {

    private MetaWebhooks() {
    }

    /** A body and the {@code X-Hub-Signature-256} value that signs it. */
    record Signed(byte[] body, String signature) {
        String json() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One Instagram DM from {@code senderId} to the business account {@code igAccountId}. */
    record Dm(String igAccountId, String senderId, String mid, String text) {
    }

    static Signed signedInstagramDm(String secret, String igAccountId, String senderId, String mid, String text) {
        return signed(secret, instagramBatch(List.of(new Dm(igAccountId, senderId, mid, text))));
    }

    /** One entry per DM, as Meta batches them ({@code messaging} holds one event per entry). */
    static String instagramBatch(List<Dm> dms) {
        return "{\"object\":\"instagram\",\"entry\":[" + dms.stream()
                .map(dm -> entry(dm.igAccountId(), messaging(dm.senderId(), dm.igAccountId(),
                        "{\"mid\":" + string(dm.mid()) + ",\"text\":" + string(dm.text()) + "}")))
                .collect(Collectors.joining(",")) + "]}";
    }

    /** The business's own message, echoed back by Meta ({@code is_echo}): sender = business. */
    static String instagramEcho(String igAccountId, String customerId, String mid, String text) {
        return "{\"object\":\"instagram\",\"entry\":[" + entry(igAccountId, messaging(igAccountId, customerId,
                "{\"mid\":" + string(mid) + ",\"text\":" + string(text) + ",\"is_echo\":true}")) + "]}";
    }

    /** A read receipt: a messaging event without a message. */
    static String instagramRead(String igAccountId, String customerId, String mid) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":" + string(igAccountId) + ",\"time\":1569262486134,"
                + "\"messaging\":[{\"sender\":{\"id\":" + string(customerId) + "},\"recipient\":{\"id\":"
                + string(igAccountId) + "},\"timestamp\":1569262485349,\"read\":{\"mid\":" + string(mid) + "}}]}]}";
    }

    static String messengerDm(String pageId, String psid, String mid, String text) {
        return "{\"object\":\"page\",\"entry\":[" + entry(pageId, messaging(psid, pageId,
                "{\"mid\":" + string(mid) + ",\"text\":" + string(text) + "}")) + "]}";
    }

    static String whatsappText(String wabaId, String phoneNumberId, String displayNumber, String waId, String name,
            String wamid, String text) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":" + string(wabaId) + ",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + string(displayNumber) + ",\"phone_number_id\":" + string(phoneNumberId) + "},"
                + "\"contacts\":[{\"profile\":{\"name\":" + string(name) + "},\"wa_id\":" + string(waId) + "}],"
                + "\"messages\":[{\"from\":" + string(waId) + ",\"id\":" + string(wamid)
                + ",\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":" + string(text) + "}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    /** An Instagram/Messenger webhook ({@code instagram} or {@code page}) with one raw messaging event. */
    static String messagingEvent(String object, String accountId, String eventJson) {
        return "{\"object\":" + string(object) + ",\"entry\":[{\"id\":" + string(accountId)
                + ",\"time\":1569262486134,\"messaging\":[" + eventJson + "]}]}";
    }

    /** A customer's DM carrying {@code messageJson} (attachments, reply_to...), as in PROVIDERS.md §1.4-1.5. */
    static String instagramMessage(String igAccountId, String senderId, String messageJson) {
        return messagingEvent("instagram", igAccountId, messaging(senderId, igAccountId, messageJson));
    }

    /** Meta's {@code reaction} messaging event: {@code {mid, action, reaction?, emoji?}}. */
    static String reaction(String object, String accountId, String customerId, String targetMid, String action,
            String emoji) {
        return messagingEvent(object, accountId, "{\"sender\":{\"id\":" + string(customerId)
                + "},\"recipient\":{\"id\":" + string(accountId) + "},\"timestamp\":1569262485349,"
                + "\"reaction\":{\"mid\":" + string(targetMid) + ",\"action\":" + string(action)
                + (emoji == null ? "" : ",\"reaction\":\"love\",\"emoji\":" + string(emoji)) + "}}");
    }

    /** Messenger's {@code delivery} event: {@code mids[]} and a watermark (ms). */
    static String messengerDelivery(String pageId, String psid, List<String> mids, long watermark) {
        return messagingEvent("page", pageId, "{\"sender\":{\"id\":" + string(psid) + "},\"recipient\":{\"id\":"
                + string(pageId) + "},\"delivery\":{\"mids\":[" + String.join(",",
                        mids.stream().map(MetaWebhooks::string).toList()) + "],\"watermark\":" + watermark + "}}");
    }

    /** Messenger's {@code read} event: a watermark (ms). */
    static String messengerRead(String pageId, String psid, long watermark) {
        return messagingEvent("page", pageId, "{\"sender\":{\"id\":" + string(psid) + "},\"recipient\":{\"id\":"
                + string(pageId) + "},\"timestamp\":" + (watermark + 100) + ",\"read\":{\"watermark\":"
                + watermark + "}}");
    }

    /** A WhatsApp messages webhook whose {@code messages[]} holds {@code messageJson} (any type). */
    static String whatsappMessage(String wabaId, String phoneNumberId, String displayNumber, String waId, String name,
            String messageJson) {
        return whatsappValue(wabaId, phoneNumberId, displayNumber,
                "\"contacts\":[{\"profile\":{\"name\":" + string(name) + "},\"wa_id\":" + string(waId) + "}],"
                        + "\"messages\":[" + messageJson + "]");
    }

    /** A WhatsApp message object of {@code type} with its body object, e.g. {@code image}, {@code {"id":...}}. */
    static String whatsappTyped(String waId, String wamid, String type, String bodyJson) {
        return "{\"from\":" + string(waId) + ",\"id\":" + string(wamid) + ",\"timestamp\":\"1739321024\","
                + "\"type\":" + string(type) + "," + string(type) + ":" + bodyJson + "}";
    }

    /** A WhatsApp status notification ({@code value.statuses[]}), with {@code errors[]} when failed. */
    static String whatsappStatus(String wabaId, String phoneNumberId, String displayNumber, String recipient,
            String wamid, String status, String timestamp) {
        String errors = "failed".equals(status)
                ? ",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\",\"message\":"
                        + "\"Re-engagement message\",\"error_data\":{\"details\":\"Message failed to send because"
                        + " more than 24 hours have passed since the customer last replied to this number.\"}}]"
                : "";
        return whatsappValue(wabaId, phoneNumberId, displayNumber, "\"statuses\":[{\"id\":" + string(wamid)
                + ",\"status\":" + string(status) + ",\"timestamp\":" + string(timestamp) + ",\"recipient_id\":"
                + string(recipient) + errors + "}]");
    }

    private static String whatsappValue(String wabaId, String phoneNumberId, String displayNumber, String inner) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":" + string(wabaId) + ",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + string(displayNumber) + ",\"phone_number_id\":" + string(phoneNumberId) + "}," + inner + "},"
                + "\"field\":\"messages\"}]}]}";
    }

    static Signed signed(String secret, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Signed(body, signature(secret, body));
    }

    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC zero-pads the key, so an empty key signs like "\0" (which the JDK accepts): what anyone could
            // compute against a service whose secret was left empty.
            byte[] key = secret.isEmpty() ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal escaped the way Meta escapes: {@code \/}, and {@code \u00e4} for non-ASCII. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** Instagram {@code comments} change, shaped like Meta's Instagram webhooks reference (entry.time in seconds). */
    static String instagramComment(String igAccountId, String fromId, String commentId, String text, String mediaId) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":" + string(igAccountId) + ",\"time\":1732968000,"
                + "\"changes\":[{\"field\":\"comments\",\"value\":{\"from\":{\"id\":" + string(fromId)
                + ",\"username\":\"ada.buys\"},\"media\":{\"id\":" + string(mediaId)
                + ",\"media_product_type\":\"FEED\"},\"id\":" + string(commentId) + ",\"text\":" + string(text)
                + "}}]}]}";
    }

    /** Facebook Page {@code feed} change for a comment (verb add, edited, remove...), created_time in seconds. */
    static String pageComment(String pageId, String fromId, String verb, String commentId, String postId,
            String parentId, String message) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":" + string(pageId) + ",\"time\":1732968001,"
                + "\"changes\":[{\"field\":\"feed\",\"value\":{\"from\":{\"id\":" + string(fromId)
                + ",\"name\":\"Ada Buyer\"},\"post\":{\"status_type\":\"added_photos\",\"is_published\":true,"
                + "\"id\":" + string(postId) + "},\"message\":" + string(message) + ",\"post_id\":" + string(postId)
                + ",\"comment_id\":" + string(commentId) + ",\"created_time\":1732968000,\"item\":\"comment\","
                + "\"parent_id\":" + string(parentId) + ",\"verb\":" + string(verb) + "}}]}]}";
    }

    private static String entry(String id, String messaging) {
        return "{\"id\":" + string(id) + ",\"time\":1569262486134,\"messaging\":[" + messaging + "]}";
    }

    private static String messaging(String senderId, String recipientId, String message) {
        return "{\"sender\":{\"id\":" + string(senderId) + "},\"recipient\":{\"id\":" + string(recipientId)
                + "},\"timestamp\":1569262485349,\"message\":" + message + "}";
    }
}

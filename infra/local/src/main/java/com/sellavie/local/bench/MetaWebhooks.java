package com.sellavie.local.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A customer's DM as Meta delivers it to the webhook (PROVIDERS.md §1.4-1.6), for a bench shop: Instagram
 * ({@code object: instagram}) and Messenger ({@code object: page}) with {@code entry[].messaging[]}, WhatsApp
 * ({@code object: whatsapp_business_account}) with {@code entry[].changes[].value.messages[]}.
 */
final class MetaWebhooks {

    static final String INSTAGRAM = "INSTAGRAM";
    static final String MESSENGER = "MESSENGER";
    static final String WHATSAPP = "WHATSAPP";
    static final String[] CHANNELS = {INSTAGRAM, MESSENGER, WHATSAPP};
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetaWebhooks() {
    }

    /** The body bytes of DM {@code messageId} from {@code customer} to the shop's channel of that type. */
    static byte[] dm(String channelType, BenchShop shop, String customer, String messageId, String text,
            long timestampMillis) {
        ObjectNode root = switch (channelType) {
            case INSTAGRAM -> messaging("instagram", shop.instagramId(), customer, messageId, text, timestampMillis);
            case MESSENGER -> messaging("page", shop.pageId(), customer, messageId, text, timestampMillis);
            case WHATSAPP -> whatsapp(shop, customer, messageId, text, timestampMillis);
            default -> throw new IllegalArgumentException("No such channel type: " + channelType);
        };
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode messaging(String object, String accountId, String customer, String messageId,
            String text, long timestampMillis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", object);
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", accountId);
        entry.put("time", timestampMillis);
        ObjectNode event = entry.putArray("messaging").addObject();
        event.putObject("sender").put("id", customer);
        event.putObject("recipient").put("id", accountId);
        event.put("timestamp", timestampMillis);
        ObjectNode message = event.putObject("message");
        message.put("mid", "m_" + messageId);
        message.put("text", text);
        return root;
    }

    private static ObjectNode whatsapp(BenchShop shop, String customer, String messageId, String text,
            long timestampMillis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", shop.wabaId());
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.putObject("value");
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", shop.displayPhoneNumber().replaceAll("\\D", ""));
        metadata.put("phone_number_id", shop.phoneNumberId());
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", "Bench customer");
        contact.put("wa_id", customer);
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", customer);
        message.put("id", "wamid." + messageId);
        message.put("timestamp", Long.toString(timestampMillis / 1000));
        message.put("type", "text");
        message.putObject("text").put("body", text);
        change.put("field", "messages");
        return root;
    }
}

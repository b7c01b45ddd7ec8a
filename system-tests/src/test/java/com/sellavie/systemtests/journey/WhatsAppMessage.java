package com.sellavie.systemtests.journey;

import java.nio.charset.StandardCharsets;

/**
 * A customer's WhatsApp text as the Cloud API's webhook delivers it (PROVIDERS.md §1.6, object
 * {@code whatsapp_business_account}): the entry is the WABA, {@code metadata} names the business's
 * number, the sender is the customer's {@code wa_id} (with their profile name), the timestamp a
 * string of Unix seconds.
 */
record WhatsAppMessage(String wabaId, String phoneNumberId, String displayPhoneNumber, String waId, String wamid,
        String text, long timestampSeconds) implements CustomerMessage {

    static WhatsAppMessage of(String wabaId, String phoneNumberId, String displayPhoneNumber, String waId,
            String wamid, String text) {
        return new WhatsAppMessage(wabaId, phoneNumberId, displayPhoneNumber, waId, wamid, text,
                System.currentTimeMillis() / 1000);
    }

    WhatsAppMessage {
        CustomerMessage.requirePlainText(text);
    }

    @Override
    public String mid() {
        return wamid;
    }

    @Override
    public byte[] body() {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + wabaId
                + "\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
                + displayPhoneNumber + "\",\"phone_number_id\":\"" + phoneNumberId + "\"},\"contacts\":[{\"profile\":"
                + "{\"name\":\"Ada Okafor\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\"" + waId
                + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + timestampSeconds + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text.replace("/", "\\/") + "\"}}]},\"field\":\"messages\"}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

package com.sellavie.systemtests.journey;

import java.nio.charset.StandardCharsets;

/**
 * A customer's Messenger message as Meta's webhook delivers it (PROVIDERS.md §1.4, object
 * {@code page}): the entry and the recipient are the Page, the sender the customer's PSID; Meta's
 * {@code \/} escape included.
 */
record MessengerDm(String pageId, String senderId, String mid, String text, long timestamp) implements CustomerMessage {

    static MessengerDm of(String pageId, String senderId, String mid, String text) {
        return new MessengerDm(pageId, senderId, mid, text, System.currentTimeMillis());
    }

    MessengerDm {
        CustomerMessage.requirePlainText(text);
    }

    @Override
    public byte[] body() {
        String json = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + timestamp
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + senderId + "\"},\"recipient\":{\"id\":\"" + pageId
                + "\"},\"timestamp\":" + timestamp + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\""
                + text.replace("/", "\\/") + "\"}}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

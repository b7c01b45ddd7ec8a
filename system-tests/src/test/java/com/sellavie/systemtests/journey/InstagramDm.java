package com.sellavie.systemtests.journey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A customer's Instagram DM as Meta's webhook delivers it (PROVIDERS.md §1.5): the exact bytes,
 * written here by hand as Meta writes them (including its {@code \/} escape), and the
 * {@code X-Hub-Signature-256} over those bytes.
 */
record InstagramDm(String instagramAccountId, String senderId, String mid, String text, long timestamp)
        implements CustomerMessage {

    static InstagramDm of(String instagramAccountId, String senderId, String mid, String text) {
        return new InstagramDm(instagramAccountId, senderId, mid, text, System.currentTimeMillis());
    }

    InstagramDm {
        CustomerMessage.requirePlainText(text);
    }

    @Override
    public byte[] body() {
        String json = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + instagramAccountId + "\",\"time\":" + timestamp
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + senderId + "\"},\"recipient\":{\"id\":\""
                + instagramAccountId + "\"},\"timestamp\":" + timestamp + ",\"message\":{\"mid\":\"" + mid
                + "\",\"text\":\"" + text.replace("/", "\\/") + "\"}}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sha256=<hex HMAC-SHA256(appSecret, body)>}, as Meta signs. */
    static String signature(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

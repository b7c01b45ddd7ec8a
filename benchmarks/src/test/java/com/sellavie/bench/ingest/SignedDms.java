package com.sellavie.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unique Instagram DMs to one business account, each signed like Meta signs them: a fresh {@code mid}
 * per call (so nothing is deduplicated away), senders cycling through a thousand customers.
 */
final class SignedDms {

    /** One request's body and its {@code X-Hub-Signature-256} value. */
    record Signed(byte[] body, String signature) {
    }

    private final String accountId;
    private final String run;
    private final AtomicLong sequence = new AtomicLong();
    private final ThreadLocal<Mac> macs;

    SignedDms(String appSecret, String accountId, String run) {
        this.accountId = accountId;
        this.run = run;
        SecretKeySpec key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    Signed next() {
        long n = sequence.incrementAndGet();
        String sender = "cust-" + (n % 1000);
        long now = System.currentTimeMillis();
        String json = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + accountId + "\",\"time\":" + now
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"" + accountId
                + "\"},\"timestamp\":" + now + ",\"message\":{\"mid\":\"m_" + run + "_" + n
                + "\",\"text\":\"Hello, is the blue dress still available in size M? (" + n + ")\"}}]}]}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Signed(body, "sha256=" + HexFormat.of().formatHex(macs.get().doFinal(body)));
    }

    long issued() {
        return sequence.get();
    }
}

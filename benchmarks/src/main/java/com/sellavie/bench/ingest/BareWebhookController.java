package com.sellavie.bench.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the raw body, checks {@code X-Hub-Signature-256} (HMAC-SHA256 with the app secret, constant-time
 * compare) and answers 200, or 401. No parsing, no database, no Kafka: what is left is Tomcat, Spring MVC
 * and the HMAC, the floor under any webhook endpoint on this stack.
 */
@RestController
class BareWebhookController {

    private static final String PREFIX = "sha256=";

    // Keyed once; each request uses its own clone (a Mac is not thread-safe, and Mac.getInstance is the slow
    // part): the yardstick is plain code done well, so ingest is not flattered by a handicapped rival.
    private final Mac keyed;

    BareWebhookController(@Value("${SELLAVIE_META_APP_SECRET}") String appSecret) throws GeneralSecurityException {
        this.keyed = Mac.getInstance("HmacSHA256");
        keyed.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    @PostMapping("/webhooks/meta")
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException, CloneNotSupportedException {
        byte[] body = request.getInputStream().readAllBytes();
        String header = request.getHeader("X-Hub-Signature-256");
        if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) {
            return ResponseEntity.status(401).build();
        }
        Mac mac = (Mac) keyed.clone();
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return ResponseEntity.status(401).build();
        }
        return MessageDigest.isEqual(mac.doFinal(body), claimed) ? ResponseEntity.ok().build()
                : ResponseEntity.status(401).build();
    }
}

package com.sellavie.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo owner confirms their address as a merchant would, by the link of the verification mail (here:
 * the one the in-JVM mail catcher received). Connecting a channel needs a confirmed address.
 */
final class DemoOwnerVerification {

    static final String SUBJECT = "Confirm your email address";
    private static final Pattern LINK_TOKEN = Pattern.compile("https?://[^\\s\"'<>]*/verify-email\\?token=([^&#\\s\"'<>]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalMailCatcher mail;

    DemoOwnerVerification(LocalMailCatcher mail) {
        this.mail = mail;
    }

    /** The token of the newest verification mail to {@code address}, waiting up to {@code timeout}; empty if none came. */
    Optional<String> awaitToken(String address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> token = mail.messages().stream()
                    .filter(m -> m.mailbox().equalsIgnoreCase(address) && m.subject() != null
                            && m.subject().contains(SUBJECT))
                    .map(m -> LINK_TOKEN.matcher(m.text() == null ? "" : m.text()))
                    .filter(Matcher::find)
                    .map(link -> URLDecoder.decode(link.group(1), StandardCharsets.UTF_8))
                    .findFirst();
            if (token.isPresent() || System.nanoTime() > deadline) {
                return token;
            }
            Readiness.pause(Duration.ofMillis(250));
        }
    }

    /** Whether an access token says its user confirmed their address ({@code email_verified}); read, not verified. */
    static boolean verified(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return false;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("email_verified").asBoolean(false);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }
}

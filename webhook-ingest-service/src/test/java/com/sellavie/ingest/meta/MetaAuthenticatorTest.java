package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaAuthenticatorTest {

    private static final String SECRET = "app-secret";
    private final MetaAuthenticator authenticator = new MetaAuthenticator(new MetaProperties(SECRET, "token", null));
    private final byte[] body = "{\"object\":\"instagram\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheHmacOfTheExactBytesInEitherHexCase() {
        String signature = MetaWebhooks.signature(SECRET, body);

        assertThat(authenticator.signatureMatches(body, List.of(signature))).isTrue();
        assertThat(authenticator.signatureMatches(body, List.of("SHA256=" + signature.substring(7).toUpperCase())))
                .isTrue();
    }

    @Test
    void rejectsMissingDuplicatedMalformedTruncatedAndForeignSignatures() {
        String signature = MetaWebhooks.signature(SECRET, body);

        assertThat(authenticator.signatureMatches(body, List.of())).isFalse();
        assertThat(authenticator.signatureMatches(body, List.of(signature, signature))).isFalse();
        assertThat(authenticator.signatureMatches(body, List.of(signature.substring(7)))).isFalse();
        assertThat(authenticator.signatureMatches(body, List.of(signature.substring(0, 70)))).isFalse();
        assertThat(authenticator.signatureMatches(body, List.of("sha256=" + "g".repeat(64)))).isFalse();
        assertThat(authenticator.signatureMatches(body, List.of(MetaWebhooks.signature("other", body)))).isFalse();
        assertThat(authenticator.signatureMatches(" ".getBytes(StandardCharsets.UTF_8), List.of(signature))).isFalse();
    }

    @Test
    void emptySecretOrTokenMatchesNothing() {
        MetaAuthenticator closed = new MetaAuthenticator(new MetaProperties("", "", null));

        assertThat(closed.signatureMatches(body, List.of(MetaWebhooks.signature("", body)))).isFalse();
        assertThat(closed.verifyTokenMatches("")).isFalse();
    }

    @Test
    void verifyTokenMustMatchExactly() {
        assertThat(authenticator.verifyTokenMatches("token")).isTrue();
        assertThat(authenticator.verifyTokenMatches("token ")).isFalse();
        assertThat(authenticator.verifyTokenMatches("Token")).isFalse();
        assertThat(authenticator.verifyTokenMatches(null)).isFalse();
    }

    @Test
    void propertiesNeverPrintTheSecrets() {
        assertThat(new MetaProperties(SECRET, "token", null).toString()).doesNotContain(SECRET, "token]")
                .contains("<set>");
    }
}

package com.sellavie.commerce.payment.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final byte[] A = {1};
    private static final byte[] B = {2};
    private static final byte[] C = {3};

    @Test
    void aReplacedStripeWebhookSecretIsAcceptedForItsWindowOnly() {
        ProviderSettings stripe = ProviderSettings.connect(UUID.randomUUID(), Provider.STRIPE, T0);
        stripe.replaceWebhookSecret(A, "whsec_…aaaa", T0, DAY);
        assertThat(stripe.previousWebhookSecret(T0)).isEmpty();

        stripe.replaceWebhookSecret(B, "whsec_…bbbb", T0.plusSeconds(60), DAY);

        assertThat(stripe.webhookSecretCiphertext()).isEqualTo(B);
        assertThat(stripe.previousWebhookSecret(T0.plus(DAY))).contains(A);
        assertThat(stripe.previousWebhookSecret(T0.plus(DAY).plusSeconds(60))).isEmpty();
        assertThat(stripe.previousWebhookSecretExpiresAt(T0.plus(DAY).plusSeconds(60))).isEmpty();
    }

    @Test
    void aSecondRotationWithinTheWindowKeepsOnlyTheSecretItReplaced() {
        ProviderSettings stripe = ProviderSettings.connect(UUID.randomUUID(), Provider.STRIPE, T0);
        stripe.replaceWebhookSecret(A, "whsec_…aaaa", T0, DAY);
        stripe.replaceWebhookSecret(B, "whsec_…bbbb", T0.plusSeconds(60), DAY);

        stripe.replaceWebhookSecret(C, "whsec_…cccc", T0.plusSeconds(120), DAY);

        assertThat(stripe.previousWebhookSecret(T0.plusSeconds(180))).contains(B);
        assertThat(stripe.previousWebhookSecretExpiresAt(T0.plusSeconds(180))).contains(T0.plusSeconds(120).plus(DAY));
    }

    @Test
    void withoutAnOverlapTheOldSecretStopsAtOnce() {
        ProviderSettings flutterwave = ProviderSettings.connect(UUID.randomUUID(), Provider.FLUTTERWAVE, T0);
        flutterwave.replaceWebhookSecret(A, "…aaaa", T0, null);
        flutterwave.replaceWebhookSecret(B, "…bbbb", T0.plusSeconds(60), null);

        assertThat(flutterwave.previousWebhookSecret(T0.plusSeconds(61))).isEmpty();
    }
}

package com.sellavie.commerce.payment.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void showsTheDocumentedPrefixAndTheLastFourCharacters() {
        assertThat(SecretMask.mask(Keys.PAYSTACK_TEST_SECRET, "sk_test_")).isEqualTo("sk_test_…4f2a");
        assertThat(SecretMask.mask(Keys.FLUTTERWAVE_TEST_SECRET, "FLWSECK_TEST-")).isEqualTo("FLWSECK_TEST-…4a-X");
        assertThat(SecretMask.mask(Keys.STRIPE_WEBHOOK_SECRET, "whsec_")).isEqualTo("whsec_…77aa");
        assertThat(SecretMask.mask(Keys.FLUTTERWAVE_SECRET_HASH, null)).isEqualTo("…4711");
    }

    @Test
    void aShortSecretShowsNoTail() {
        assertThat(SecretMask.mask("sk_test_abcdefgh12", "sk_test_")).isEqualTo("sk_test_…");
        assertThat(SecretMask.mask("short-hash-1234", null)).isEqualTo("…");
    }
}

package com.sellavie.commerce.payment.settings;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PUT /api/payments/providers/{provider}}. A null secret keeps the stored one (the
 * console saves the form without re-typing keys); every other field is replaced.
 */
record ProviderSettingsRequest(String secretKey, String publicKey, String webhookSecret, String mode,
        String currency, @JsonProperty("isDefault") Boolean isDefault, String webhookSignatureScheme) {

    @Override
    public String toString() {
        // Never print a secret (a log line, an exception message).
        return "ProviderSettingsRequest[secretKey=" + (secretKey == null ? "null" : "***") + ", publicKey=" + publicKey
                + ", webhookSecret=" + (webhookSecret == null ? "null" : "***") + ", mode=" + mode + ", currency="
                + currency + ", isDefault=" + isDefault + ", webhookSignatureScheme=" + webhookSignatureScheme + "]";
    }
}

package com.sellavie.commerce.payment.settings;

import java.util.UUID;

/**
 * A business's account with a provider, decrypted, for making checkouts. Keep it in memory only for
 * the call that needs it; {@link #toString()} masks the secret key so a log line never shows it.
 *
 * @param currency the default currency configured for this provider
 */
public record ProviderAccount(UUID businessId, Provider provider, Mode mode, String currency, String secretKey,
        String publicKey, String endpointId) {

    @Override
    public String toString() {
        return "ProviderAccount[businessId=" + businessId + ", provider=" + provider + ", mode=" + mode
                + ", currency=" + currency + ", secretKey="
                + SecretMask.mask(secretKey, KeyFormats.secretKeyPrefix(provider, secretKey).orElse(null))
                + ", publicKey=" + publicKey + ", endpointId=" + endpointId + "]";
    }
}

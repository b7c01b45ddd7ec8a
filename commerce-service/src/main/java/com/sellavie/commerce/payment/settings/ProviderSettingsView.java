package com.sellavie.commerce.payment.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A provider's settings as the API shows them: secrets only masked, plus the webhook URL the
 * merchant pastes into the provider's dashboard.
 *
 * @param previousWebhookSecretValidUntil while a replaced Stripe signing secret is still accepted
 */
record ProviderSettingsView(Provider provider, String secretKey, String publicKey, String webhookSecret, Mode mode,
        String currency, @JsonProperty("isDefault") boolean isDefault, WebhookSignatureScheme webhookSignatureScheme,
        String webhookUrl, String endpointId, Instant updatedAt, Instant previousWebhookSecretValidUntil) {

    static ProviderSettingsView of(ProviderSettings settings, PaymentsProperties properties, Instant now) {
        return new ProviderSettingsView(settings.provider(), settings.secretKeyHint(), settings.publicKey(),
                settings.webhookSecretHint(), settings.mode(), settings.currency(), settings.isDefault(),
                settings.webhookSignatureScheme(), properties.webhookUrl(settings.provider(), settings.endpointId()),
                settings.endpointId(), settings.updatedAt(), settings.previousWebhookSecretExpiresAt(now).orElse(null));
    }
}

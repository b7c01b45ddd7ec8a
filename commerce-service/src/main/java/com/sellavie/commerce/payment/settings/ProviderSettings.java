package com.sellavie.commerce.payment.settings;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One business's account with one provider (aggregate root). Holds secrets only as ciphertext and
 * their masked hints; the endpoint id is given once, at creation, and never changes.
 */
@Table("payment_providers")
class ProviderSettings {

    @Id
    private final UUID id;
    private final UUID businessId;
    private final Provider provider;
    private final String endpointId;
    private Mode mode;
    private String currency;
    private boolean isDefault;
    private WebhookSignatureScheme webhookSignatureScheme;
    private byte[] secretKeyCiphertext;
    private String secretKeyHint;
    private String publicKey;
    private byte[] webhookSecretCiphertext;
    private String webhookSecretHint;
    private byte[] previousWebhookSecretCiphertext;
    private Instant previousWebhookSecretExpiresAt;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    ProviderSettings(UUID id, UUID businessId, Provider provider, String endpointId, Mode mode, String currency,
            boolean isDefault, WebhookSignatureScheme webhookSignatureScheme, byte[] secretKeyCiphertext,
            String secretKeyHint, String publicKey, byte[] webhookSecretCiphertext, String webhookSecretHint,
            byte[] previousWebhookSecretCiphertext, Instant previousWebhookSecretExpiresAt, Instant createdAt,
            Instant updatedAt, Integer version) {
        this.id = id;
        this.businessId = businessId;
        this.provider = provider;
        this.endpointId = endpointId;
        this.mode = mode;
        this.currency = currency;
        this.isDefault = isDefault;
        this.webhookSignatureScheme = webhookSignatureScheme;
        this.secretKeyCiphertext = secretKeyCiphertext;
        this.secretKeyHint = secretKeyHint;
        this.publicKey = publicKey;
        this.webhookSecretCiphertext = webhookSecretCiphertext;
        this.webhookSecretHint = webhookSecretHint;
        this.previousWebhookSecretCiphertext = previousWebhookSecretCiphertext;
        this.previousWebhookSecretExpiresAt = previousWebhookSecretExpiresAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A provider connected for the first time: a new endpoint id; the caller sets everything else. */
    static ProviderSettings connect(UUID businessId, Provider provider, Instant now) {
        return new ProviderSettings(UuidCreator.getTimeOrderedEpoch(), businessId, provider, EndpointIds.next(), null,
                null, false, null, null, null, null, null, null, null, null, now, now, null);
    }

    void configure(Mode mode, String currency, String publicKey, WebhookSignatureScheme scheme, Instant now) {
        this.mode = mode;
        this.currency = currency;
        this.publicKey = publicKey;
        this.webhookSignatureScheme = scheme;
        this.updatedAt = now;
    }

    void replaceSecretKey(byte[] ciphertext, String hint) {
        this.secretKeyCiphertext = ciphertext;
        this.secretKeyHint = hint;
    }

    /**
     * A new webhook secret. With a non-null {@code overlap} (Stripe: a rolled signing secret stays
     * valid at Stripe for up to 24 h), the one it replaces stays accepted that long; a rotation
     * within the window drops the older previous one, so at most two are ever valid.
     */
    void replaceWebhookSecret(byte[] ciphertext, String hint, Instant now, Duration overlap) {
        if (overlap != null && webhookSecretCiphertext != null) {
            previousWebhookSecretCiphertext = webhookSecretCiphertext;
            previousWebhookSecretExpiresAt = now.plus(overlap);
        }
        webhookSecretCiphertext = ciphertext;
        webhookSecretHint = hint;
    }

    /** The replaced webhook secret while its window lasts. */
    Optional<byte[]> previousWebhookSecret(Instant now) {
        if (previousWebhookSecretCiphertext == null || previousWebhookSecretExpiresAt == null
                || !previousWebhookSecretExpiresAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(previousWebhookSecretCiphertext);
    }

    Optional<Instant> previousWebhookSecretExpiresAt(Instant now) {
        return previousWebhookSecret(now).map(ignored -> previousWebhookSecretExpiresAt);
    }

    void makeDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    UUID id() {
        return id;
    }

    UUID businessId() {
        return businessId;
    }

    Provider provider() {
        return provider;
    }

    String endpointId() {
        return endpointId;
    }

    Mode mode() {
        return mode;
    }

    String currency() {
        return currency;
    }

    boolean isDefault() {
        return isDefault;
    }

    WebhookSignatureScheme webhookSignatureScheme() {
        return webhookSignatureScheme;
    }

    byte[] secretKeyCiphertext() {
        return secretKeyCiphertext;
    }

    String secretKeyHint() {
        return secretKeyHint;
    }

    String publicKey() {
        return publicKey;
    }

    byte[] webhookSecretCiphertext() {
        return webhookSecretCiphertext;
    }

    String webhookSecretHint() {
        return webhookSecretHint;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}

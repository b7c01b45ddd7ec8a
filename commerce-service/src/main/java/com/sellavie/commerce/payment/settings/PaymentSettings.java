package com.sellavie.commerce.payment.settings;

import com.sellavie.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's provider settings, always the current tenant's. There is always exactly one default
 * provider once any is configured: the first one becomes it, and it moves only when another provider
 * is saved with {@code isDefault: true} (false never leaves the business without one).
 */
@Service
class PaymentSettings {

    /** Stripe keeps a rolled webhook signing secret valid "for up to 24 hours"; so do we. */
    static final Duration STRIPE_SECRET_OVERLAP = Duration.ofHours(24);

    private final ProviderSettingsRepository repository;
    private final SecretCipher cipher;
    private final PaymentsProperties properties;
    private final Clock clock;

    PaymentSettings(ProviderSettingsRepository repository, SecretCipher cipher, PaymentsProperties properties,
            Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ProviderSettingsView> list() {
        Instant now = clock.instant();
        return repository.findAllOf(TenantContext.requireBusinessId()).stream()
                .map(settings -> ProviderSettingsView.of(settings, properties, now)).toList();
    }

    /** Saves one provider's settings; the result says whether this PUT connected it (201) or changed it. */
    @Transactional
    Saved put(Provider provider, ProviderSettingsRequest request) {
        UUID businessId = TenantContext.requireBusinessId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ProviderSettings settings = repository.findOne(businessId, provider.name()).orElse(null);
        String storedSecretKey = settings == null ? null
                : cipher.decrypt(settings.secretKeyCiphertext(), businessId, provider);
        ProviderSettingsRules.Valid valid = ProviderSettingsRules.validate(provider, request, storedSecretKey,
                settings != null && settings.webhookSecretCiphertext() != null);
        boolean connecting = settings == null;
        if (connecting) {
            settings = ProviderSettings.connect(businessId, provider, now);
        }
        settings.configure(valid.mode(), valid.currency(), valid.publicKey(), valid.scheme(), now);
        if (valid.secretKey() != null) {
            settings.replaceSecretKey(cipher.encrypt(valid.secretKey(), businessId, provider), SecretMask.mask(
                    valid.secretKey(), KeyFormats.secretKeyPrefix(provider, valid.secretKey()).orElse(null)));
        }
        if (valid.webhookSecret() != null && !valid.webhookSecret().equals(storedWebhookSecret(settings))) {
            settings.replaceWebhookSecret(cipher.encrypt(valid.webhookSecret(), businessId, provider),
                    SecretMask.mask(valid.webhookSecret(), KeyFormats.webhookSecretPrefix(provider).orElse(null)),
                    now, provider == Provider.STRIPE ? STRIPE_SECRET_OVERLAP : null);
        }
        if (valid.makeDefault() || repository.findDefault(businessId).isEmpty()) {
            // Others first: the one-default index is checked per statement.
            repository.clearDefaultExcept(businessId, provider.name());
            settings.makeDefault(true);
        }
        settings = save(settings);
        return new Saved(ProviderSettingsView.of(settings, properties, now), connecting);
    }

    private ProviderSettings save(ProviderSettings settings) {
        try {
            return repository.save(settings);
        } catch (OptimisticLockingFailureException e) {
            throw new SettingsChangedMeanwhileException(settings.provider());
        } catch (RuntimeException e) {
            // Spring Data JDBC wraps it: a concurrent first PUT of this provider, or a concurrent default switch.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw new SettingsChangedMeanwhileException(settings.provider());
                }
            }
            throw e;
        }
    }

    private String storedWebhookSecret(ProviderSettings settings) {
        return settings.webhookSecretCiphertext() == null ? null
                : cipher.decrypt(settings.webhookSecretCiphertext(), settings.businessId(), settings.provider());
    }

    record Saved(ProviderSettingsView view, boolean connected) {
    }
}

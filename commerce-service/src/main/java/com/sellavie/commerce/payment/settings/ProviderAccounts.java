package com.sellavie.commerce.payment.settings;

import com.sellavie.platform.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decrypted provider accounts checkout uses. Callable from any thread (a scheduler, a listener):
 * it works as the named business for the read, whatever the current tenant is.
 */
@Service
public class ProviderAccounts {

    private final ProviderSettingsRepository repository;
    private final SecretCipher cipher;
    private final TransactionTemplate readOnly;

    ProviderAccounts(ProviderSettingsRepository repository, SecretCipher cipher, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.cipher = cipher;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The business's default provider account; empty when it has configured none. */
    public Optional<ProviderAccount> defaultFor(UUID businessId) {
        return TenantContext.callAs(businessId, () -> readOnly.execute(status ->
                repository.findDefault(businessId).map(this::account)));
    }

    /** The business's account with {@code provider}; empty when not configured. */
    public Optional<ProviderAccount> of(UUID businessId, Provider provider) {
        return TenantContext.callAs(businessId, () -> readOnly.execute(status ->
                repository.findOne(businessId, provider.name()).map(this::account)));
    }

    private ProviderAccount account(ProviderSettings settings) {
        return new ProviderAccount(settings.businessId(), settings.provider(), settings.mode(), settings.currency(),
                cipher.decrypt(settings.secretKeyCiphertext(), settings.businessId(), settings.provider()),
                settings.publicKey(), settings.endpointId());
    }
}

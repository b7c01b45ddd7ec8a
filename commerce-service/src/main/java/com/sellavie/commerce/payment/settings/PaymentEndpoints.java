package com.sellavie.commerce.payment.settings;

import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves a webhook endpoint id for ingest: a named global lookup finds the owning business (its id
 * only), then the settings are read and decrypted as that business, under its row-level security.
 */
@Service
class PaymentEndpoints {

    private static final Logger log = LoggerFactory.getLogger(PaymentEndpoints.class);

    /** Listed in sellavie.tenancy.global-lookups. */
    static final String LOOKUP = "payment-endpoint-by-id";

    private final Tenancy tenancy;
    private final JdbcTemplate jdbc;
    private final ProviderSettingsRepository repository;
    private final SecretCipher cipher;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentEndpoints(Tenancy tenancy, JdbcTemplate jdbc, ProviderSettingsRepository repository, SecretCipher cipher,
            PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.tenancy = tenancy;
        this.jdbc = jdbc;
        this.repository = repository;
        this.cipher = cipher;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.meters = meters;
    }

    /** Counted as sellavie.commerce.payment.endpoint.lookups{outcome=found|not_found}. */
    Optional<PaymentEndpoint> find(String endpointId) {
        Optional<PaymentEndpoint> found = lookUp(endpointId);
        meters.counter("sellavie.commerce.payment.endpoint.lookups", "outcome", found.isPresent() ? "found" : "not_found")
                .increment();
        if (found.isEmpty()) {
            // Ingest answers the provider 404; an unknown id is usually a stale dashboard setting or a probe.
            log.info("Payment endpoint lookup: no provider configured for endpoint id {}",
                    endpointId != null && EndpointIds.FORMAT.matcher(endpointId).matches() ? endpointId : "(malformed)");
        }
        return found;
    }

    private Optional<PaymentEndpoint> lookUp(String endpointId) {
        if (endpointId == null || !EndpointIds.FORMAT.matcher(endpointId).matches()) {
            return Optional.empty();
        }
        Optional<UUID> owner = tenancy.globalLookup(LOOKUP, () -> jdbc.query(
                "SELECT business_id FROM payment_providers WHERE endpoint_id = ?",
                (rs, row) -> rs.getObject(1, UUID.class), endpointId).stream().findFirst());
        return owner.flatMap(businessId -> TenantContext.callAs(businessId, () -> readOnly.execute(status ->
                repository.findByEndpointId(businessId, endpointId).map(this::endpoint))));
    }

    private PaymentEndpoint endpoint(ProviderSettings settings) {
        Instant now = clock.instant();
        UUID businessId = settings.businessId();
        Provider provider = settings.provider();
        List<String> secrets = new ArrayList<>();
        if (provider == Provider.PAYSTACK) {
            // Paystack signs with the account's secret key; it has no separate webhook secret.
            secrets.add(cipher.decrypt(settings.secretKeyCiphertext(), businessId, provider));
        } else {
            secrets.add(cipher.decrypt(settings.webhookSecretCiphertext(), businessId, provider));
            settings.previousWebhookSecret(now).ifPresent(previous ->
                    secrets.add(cipher.decrypt(previous, businessId, provider)));
        }
        return new PaymentEndpoint(settings.endpointId(), businessId, provider, settings.mode(),
                WebhookSignatureScheme.of(provider, settings.webhookSignatureScheme()), List.copyOf(secrets));
    }
}

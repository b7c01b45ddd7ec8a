package com.sellavie.ingest.payment.endpoint;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One business's webhook endpoint for one provider, as commerce describes it.
 *
 * @param endpointId the {@code pe_…} id in the webhook URL
 * @param businessId the tenant the webhooks belong to
 * @param provider   the provider that must be calling
 * @param mode       TEST or LIVE
 * @param scheme     how its webhooks are signed
 * @param secrets    verification secrets, the current one first, the previous one during a rotation;
 *                   never printed (see {@link #toString()})
 */
public record PaymentEndpoint(String endpointId, UUID businessId, PaymentProvider provider, String mode,
        VerificationScheme scheme, List<String> secrets) {

    public PaymentEndpoint {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(scheme, "scheme");
        // Blank secrets are dropped: an HMAC or comparison with an empty key is something anyone can compute.
        secrets = secrets == null ? List.of() : secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** A record's own toString would print the secrets into any log line or exception that mentions it. */
    @Override
    public String toString() {
        return "PaymentEndpoint[endpointId=" + endpointId + ", businessId=" + businessId + ", provider=" + provider
                + ", mode=" + mode + ", scheme=" + scheme + ", secrets=<" + secrets.size() + " hidden>]";
    }
}

package com.sellavie.commerce.payment.settings;

import java.util.List;
import java.util.UUID;

/**
 * What ingest needs to verify a webhook delivered to {@code endpointId}: whose it is and the secrets
 * to check it with, the current one first (the previous Stripe signing secret follows during its window).
 */
record PaymentEndpoint(String endpointId, UUID businessId, Provider provider, Mode mode, String scheme,
        List<String> secrets) {

    @Override
    public String toString() {
        return "PaymentEndpoint[endpointId=" + endpointId + ", businessId=" + businessId + ", provider=" + provider
                + ", mode=" + mode + ", scheme=" + scheme + ", secrets=" + secrets.size() + "]";
    }
}

package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code sellavie.ingest.payment.webhooks{provider,result}} per POST, result one of accepted, ignored,
 * unauthorized, unknown_endpoint, malformed, too_large, unavailable. Tags are fixed words only: an event type
 * or an endpoint id comes from the caller and would let anyone grow the number of series.
 */
final class PaymentWebhookMetrics {

    private final MeterRegistry meters;

    PaymentWebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void webhook(PaymentProvider provider, String result) {
        meters.counter("sellavie.ingest.payment.webhooks", "provider", provider.pathSegment(), "result", result)
                .increment();
    }
}
